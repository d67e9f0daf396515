using PodFirmware.Core.Commands;
using PodFirmware.Core.Config;
using PodFirmware.Core.Control;
using PodFirmware.Core.Heartbeat;
using PodFirmware.Core.Session;
using PodFirmware.Drivers.Card;
using PodFirmware.Drivers.Ports;
using PodFirmware.Json;

namespace PodFirmware.Core.Messaging
{
    /// <summary>What <see cref="CardDesk.Poll"/> did with a card read.</summary>
    public enum CardAction
    {
        /// <summary>No new presentation.</summary>
        None = 0,

        /// <summary>A stop (the running session's own card) or an allow-list start was queued for the tick; the tick answers it under <see cref="CardDesk.ReadId"/>.</summary>
        Queued = 1,

        /// <summary>Ask the back end: publish <see cref="CardDesk.WriteRequest"/> on <c>pods/{id}/authorize</c>.</summary>
        Authorize = 2,

        /// <summary>Refused at the pod: publish <see cref="CardDesk.Answer"/> as the result of <see cref="CardDesk.ReadId"/>.</summary>
        Answer = 3,
    }

    /// <summary>
    /// Local authorisation with a card at the pod (docs/mqtt.md, "Card at the pod"). Each new presentation
    /// (<see cref="CardGate"/>) gets an id, <c>{podId}-card-{n}</c> with n the pod's UTC in ms (uptime before the clock is set),
    /// and exactly one result under it on <c>cmd/result</c>: a second read of the running session's card stops it (queued as a
    /// stop naming the session's account); past the rate limit it is answered <c>card_rate_limited</c>; with the back end
    /// reachable it becomes an authorisation request, which the back end answers with a signed <c>start</c> or
    /// <c>refuse_card</c> carrying the read's id; while the controller is lost or the link is down, a card on the enabled
    /// allow-list starts a session (account <c>card-{hash}</c>) and any other is answered <c>card_unknown</c>.
    /// </summary>
    /// <remarks>
    /// Messaging thread only (the SPI poll of the reader takes milliseconds the tick's sampling budget does not have); it
    /// reaches the tick only through the command queue. Allocates the id and hex strings of each new presentation.
    /// </remarks>
    public sealed class CardDesk
    {
        private readonly CardGate _gate;
        private readonly ICardReader _reader;
        private readonly PodStatus _status;
        private readonly CommandQueue _queue;
        private readonly UtcTime _utc;
        private readonly string _idPrefix;
        private readonly Command _command = new Command();

        /// <summary>Builds the desk for <paramref name="controller"/>'s card reader (not null) under <paramref name="config"/>'s <c>card</c> section. Boot only.</summary>
        public CardDesk(PodConfig config, ICardReader reader, PodController controller)
        {
            _gate = new CardGate(config.Card);
            _reader = reader;
            _status = controller.Status;
            _queue = controller.Commands;
            _utc = controller.Utc;
            _idPrefix = config.PodId + "-card-";
        }

        /// <summary>The debounce, rate limit and allow-list in front of this desk.</summary>
        public CardGate Gate
        {
            get { return _gate; }
        }

        /// <summary>Id of the latest presentation; null before the first.</summary>
        public string ReadId { get; private set; }

        /// <summary>Hashed UID of the latest presentation, 16 lowercase hex digits; null before the first.</summary>
        public string Card { get; private set; }

        /// <summary>The refusal when <see cref="Poll"/> returned <see cref="CardAction.Answer"/>.</summary>
        public CommandResultCode Answer { get; private set; }

        /// <summary>
        /// Polls the reader (every <c>card.pollMs</c>) and acts on a new presentation.
        /// </summary>
        /// <param name="nowMs">Monotonic time, ms.</param>
        /// <param name="backEndReachable">The link is up and the controller's heartbeat is heard.</param>
        public CardAction Poll(long nowMs, bool backEndReachable)
        {
            if (!_gate.Poll(_reader, nowMs))
            {
                return CardAction.None;
            }

            Card = CardGate.ToHex(_gate.Hash);
            ReadId = _idPrefix + (_utc.IsValid ? _utc.UtcMs(nowMs) : nowMs).ToString();
            if (_status.SessionActive && _status.SessionCard == Card)
            {
                // The second read of the session's own card: stopping is always safe, so no back end and no rate limit.
                return Queue(CommandType.Stop, _status.SessionAccount);
            }

            if (!_gate.TryAdmit(nowMs))
            {
                return Refuse(CommandResultCode.CardRateLimited);
            }

            if (backEndReachable)
            {
                return CardAction.Authorize;
            }

            return _gate.IsAllowed(_gate.Hash) ? Queue(CommandType.Start, "card-" + Card) : Refuse(CommandResultCode.CardUnknown);
        }

        /// <summary>Writes the authorisation request of the latest presentation (docs/mqtt.md) into <paramref name="w"/> (after Reset).</summary>
        public void WriteRequest(JsonWriter w, PodConfig config, long nowMs)
        {
            w.BeginObject();
            w.String("id", ReadId);
            w.String("pod", config.PodId);
            w.String("site", config.SiteId);
            w.Int("space", config.ParkingSpace);
            w.String("card", Card);
            w.String("connector", ConnectorStatusNames.Of(_status.Connector));
            w.Bool("plugged", _status.Plugged);
            w.String("session", _status.SessionActive ? _status.SessionId : null);
            if (_utc.IsValid)
            {
                w.Int("t", _utc.UtcMs(nowMs) / 1000);
            }
            else
            {
                w.Null("t");
            }

            w.Int("uptimeMs", nowMs);
            w.EndObject();
        }

        private CardAction Queue(CommandType type, string account)
        {
            _command.Clear();
            _command.Type = type;
            _command.Id = ReadId;
            _command.Account = account;
            _command.Card = Card;
            return _queue.TryEnqueue(_command) ? CardAction.Queued : Refuse(CommandResultCode.Busy);
        }

        private CardAction Refuse(CommandResultCode code)
        {
            Answer = code;
            return CardAction.Answer;
        }
    }
}
