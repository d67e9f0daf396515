using System.Threading;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Config;
using PodFirmware.Core.Control;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Heartbeat;
using PodFirmware.Json;
using PodFirmware.Core.Session;
using PodFirmware.Core.Site;
using PodFirmware.Core.Store;
using PodFirmware.Drivers.Counters;
using PodFirmware.Drivers.Numerics;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Core.Messaging
{
    /// <summary>
    /// The pod's side of the MQTT contract (docs/mqtt.md). Each <see cref="Pump"/>: after every (re)connect announces
    /// "online", subscribes the command and heartbeat topics and forces a fresh retained status; takes inbound messages
    /// (commands are verified here and only accepted ones are queued for the tick; heartbeats go to the monitor); drains
    /// the event ring (alarm kinds to the pod and site alarm topics, session records to the session topic, move records to
    /// the move topic and command outcomes to <c>cmd/result</c>, all through the store-first <see cref="ReliablePublisher"/>,
    /// and so is a NetworkLostWhileMoving warning, on the alarm topics; each session record also counts in the lifetime
    /// counters on flash, <see cref="Counters"/>; the rest to the events
    /// topic, best effort); publishes the retained status on every change and at least every
    /// <see cref="TelemetryConfig.StatusPeriodMs"/>, telemetry at its charging (or moving) or idle period, and the pod's own
    /// heartbeat every <c>heartbeat.podPeriodMs</c> on <c>site/{siteId}/heartbeat/pods</c>. Never blocks: while the
    /// link is down, alarms, records and results still go into the store, and are sent once it is back.
    /// </summary>
    /// <remarks>
    /// Runs on the messaging thread (on the host's live run and in tests, between ticks), never in the control tick.
    /// Reuses one JSON buffer; links copy payloads before returning. Verification allocates (see CommandAuthenticator);
    /// everything else allocates nothing in steady state.
    /// </remarks>
    public sealed class MessagingPump
    {
        /// <summary>Most inbound messages handled per <see cref="Pump"/> call, so a flood cannot starve publishing.</summary>
        public const int MaxInboundPerPump = 16;

        /// <summary>
        /// Received messages that may still wait after a pump's <see cref="MaxInboundPerPump"/>: three pumps' work (about
        /// 150 ms). Commands beyond it are shed: answered <c>busy</c> at once, unverified and unapplied (up to
        /// <see cref="MaxShedPerPump"/> a pump), so a flood gets prompt answers instead of a growing queue.
        /// </summary>
        public const int ShedAboveWaiting = 48;

        /// <summary>Most messages shed per <see cref="Pump"/> call (20,480 a second at one pump every 50 ms).</summary>
        public const int MaxShedPerPump = 1024;

        /// <summary>The <c>event</c> name of the report of a stored message found damaged and dropped.</summary>
        public const string StoreDamagedEvent = "store_damaged";

        /// <summary>Reason of a command refused as expired because the pod has no valid UTC yet.</summary>
        public const string PodTimeNotSetReason = "pod time not set";

        private static readonly byte[] Online = { (byte)'o', (byte)'n', (byte)'l', (byte)'i', (byte)'n', (byte)'e' };

        private readonly PodConfig _config;
        private readonly IMqttLink _link;
        private readonly EventRing _events;
        private readonly PodStatus _status;
        private readonly Topics _topics;
        private readonly string _alarmIdPrefix;
        private readonly JsonWriter _json = new JsonWriter(2048);
        private readonly JsonReader _heartbeatReader = new JsonReader(256, 2, 16);
        private readonly PodEvent _pending = new PodEvent();
        private readonly MqttInboundMessage _inbound = new MqttInboundMessage();
        private readonly Command _command = new Command();
        private readonly CommandIdReader _idReader = new CommandIdReader();
        private readonly SpaceInfo _space = new SpaceInfo();

        private readonly ReliablePublisher _publisher;
        private readonly LifetimeCounters _counters;
        private CommandAuthenticator _authenticator;
        private ReplayHorizonStore _replayHorizon;
        private CommandQueue _queue;
        private UtcTime _utc;
        private HeartbeatMonitor _heartbeat;
        private SiteShare _site;
        private SiteLoadJson _siteJson;
        private int _siteVersion = -1;
        private long _lastSiteMs;
        private CardDesk _cards;

        // Types of accepted commands still waiting for their result, so get_status and check_space results can carry their data.
        private string[] _awaitingIds = new string[0];
        private CommandType[] _awaitingTypes = new CommandType[0];
        private int _awaitingNext;
        private int _awaitingCount;

        private int _reportedDamaged;
        private bool _hasPending;
        private bool _wasConnected;
        private int _publishedVersion = -1;
        private long _lastStatusMs;
        private long _lastTelemetryMs = long.MinValue / 2;
        private long _lastBeatMs = long.MinValue / 2;
        private int _beatSeq;

        /// <summary>Builds the pump for <paramref name="pod"/>'s events and status, delivering reliable messages through <paramref name="publisher"/>.</summary>
        public MessagingPump(PodConfig config, IMqttLink link, PodController pod, ReliablePublisher publisher)
            : this(config, link, pod.Events, pod.Status, publisher)
        {
        }

        /// <summary>
        /// Builds the pump over an event ring and a status snapshot. Alarms, session records and command results go
        /// through <paramref name="publisher"/> (stored first, removed only after the broker's acknowledgement); the
        /// pump registers their topics on it: alarms on the pod's and the site's alarm topic, records on the session
        /// topic, results on cmd/result.
        /// </summary>
        public MessagingPump(PodConfig config, IMqttLink link, EventRing events, PodStatus status, ReliablePublisher publisher)
        {
            _config = config;
            _link = link;
            _events = events;
            _status = status;
            _topics = new Topics(config.PodId, config.SiteId);
            _alarmIdPrefix = config.PodId + "-";
            _publisher = publisher;
            publisher.SetTopics(RecordKind.Alarm, _topics.Alarm, _topics.SiteAlarm);
            publisher.SetTopics(RecordKind.Session, _topics.Session, null);
            publisher.SetTopics(RecordKind.CommandResult, _topics.CommandResult, null);
            publisher.SetTopics(RecordKind.Move, _topics.Move, null);
            _counters = new LifetimeCounters(publisher.Outbox.Store);
            _counters.Restore();
            CopyCounters();
        }

        /// <summary>The lifetime counters on flash (blobs <c>counters-0</c>/<c>-1</c> of the publisher's store), restored at construction; each session record counts once.</summary>
        public LifetimeCounters Counters
        {
            get { return _counters; }
        }

        // The counters into the status snapshot (messaging-written fields), today's share by the tick's UTC.
        private void CopyCounters()
        {
            PodStatus s = _status;
            LifetimeCounters c = _counters;
            bool today = c.IsToday(s.UtcS);
            s.CountedEnergyMilliWh = c.TotalEnergyMilliWh;
            s.CountedSessions = c.TotalSessions;
            s.CountedChargingMs = c.TotalChargingMs;
            s.TodayKnown = s.UtcS > 0;
            s.TodayEnergyMilliWh = today ? c.DayEnergyMilliWh : 0;
            s.TodaySessions = today ? c.DaySessions : 0;
            s.TodayChargingMs = today ? c.DayChargingMs : 0;
        }

        /// <summary>The topic names this pump uses, from the pod and site ids.</summary>
        public Topics Topics
        {
            get { return _topics; }
        }

        /// <summary>The store-first publisher of alarms, session records and command results.</summary>
        public ReliablePublisher Publisher
        {
            get { return _publisher; }
        }

        /// <summary>The replay horizon kept across reboots; null until <see cref="EnableCommands"/>.</summary>
        public ReplayHorizonStore ReplayHorizon
        {
            get { return _replayHorizon; }
        }

        /// <summary>What the latest check_space result reported; filled from the status snapshot when that result is written.</summary>
        public SpaceInfo Space
        {
            get { return _space; }
        }

        /// <summary>
        /// Turns on command intake: subscribes <c>pods/{podId}/cmd</c> (QoS 1), verifies each message with
        /// <paramref name="authenticator"/> at the pod's UTC from <paramref name="utc"/>, answers refusals at once and queues
        /// accepted commands into <paramref name="queue"/> (a full queue answers <c>busy</c>). Boot only: allocates.
        /// </summary>
        /// <remarks>
        /// Replay protection across reboots: the newest accepted ts is kept in the publisher's store
        /// (<see cref="ReplayHorizonStore"/>, blob <see cref="ReplayHorizonStore.BlobName"/>) and restored here, before any
        /// command is verified, as the authenticator's replay horizon. After a boot that found that record corrupt, the
        /// horizon is set once the pod's UTC is valid, to that time plus the window.
        /// </remarks>
        public void EnableCommands(CommandAuthenticator authenticator, CommandQueue queue, UtcTime utc)
        {
            _replayHorizon = new ReplayHorizonStore(_publisher.Outbox.Store, authenticator);
            _replayHorizon.Restore();
            _authenticator = authenticator;
            _queue = queue;
            _utc = utc;
            _awaitingIds = new string[queue.Capacity * 2];
            _awaitingTypes = new CommandType[queue.Capacity * 2];
            _wasConnected = false;
        }

        /// <summary>Turns on the heartbeat: subscribes <c>site/{siteId}/heartbeat</c> (QoS 0) and reports each beat to <paramref name="monitor"/>. Boot only.</summary>
        public void EnableHeartbeat(HeartbeatMonitor monitor)
        {
            _heartbeat = monitor;
            _wasConnected = false;
        }

        /// <summary>
        /// Turns on site power sharing: subscribes <c>site/{siteId}/load</c> (QoS 0), feeds what it hears and the heartbeat's
        /// policy into <paramref name="site"/> (under <c>lock</c> on it), publishes this pod's load every <c>site.periodMs</c>
        /// and on change. Boot only.
        /// </summary>
        public void EnableSite(SiteShare site)
        {
            _site = site;
            _siteJson = new SiteLoadJson();
            _wasConnected = false;
        }

        /// <summary>
        /// Turns on the card reader: polls it through <paramref name="desk"/> at every pump, publishes authorisation requests on
        /// <c>pods/{podId}/authorize</c> (QoS 1, not stored: a late answer would start a session the driver has given up on)
        /// and answers refused reads on <c>cmd/result</c> through the store. Boot only.
        /// </summary>
        public void EnableCards(CardDesk desk)
        {
            _cards = desk;
        }

        /// <summary>Does what is due at monotonic time <paramref name="nowMs"/>. Messaging thread only.</summary>
        public void Pump(long nowMs)
        {
            bool connected = _link.IsConnected;
            int id;
            if (connected && !_wasConnected)
            {
                // After every (re)connect: say we are back, (re)subscribe and force a fresh retained status.
                _link.Publish(_topics.Availability, Online, Online.Length, 1, true, out id);
                if (_authenticator != null)
                {
                    _link.Subscribe(_topics.Command, 1);
                }

                if (_heartbeat != null)
                {
                    _link.Subscribe(_topics.Heartbeat, 0);
                }

                if (_site != null)
                {
                    _link.Subscribe(_topics.SiteLoad, 0);
                    _siteVersion = -1;
                }

                _publishedVersion = -1;
            }

            _wasConnected = connected;
            if (connected)
            {
                ReceiveMessages(nowMs);
            }

            if (_cards != null)
            {
                PollCard(nowMs, connected);
            }

            PublishEvents(nowMs, connected);
            _publisher.Pump(nowMs);
            Outbox outbox = _publisher.Outbox;
            _status.StorePending = outbox.Count;
            _status.StoreOverflow = outbox.OverflowCount > 0;
            _status.StoreDamaged = outbox.DamagedCount;
            _status.CommandKeyId = _authenticator != null ? _authenticator.Keys.CurrentId : null;
            _status.IntakeShed = ShedCount;
            _status.IntakeDropped = _link.DroppedInboundCount;
            _status.IntakeLost = LostResultCount;
            CopyCounters();
            if (!connected)
            {
                return;
            }

            // The version is read before the document is written: a change the tick commits meanwhile is published next time.
            int version = _status.Version;
            if (version != _publishedVersion || nowMs - _lastStatusMs >= _config.Telemetry.StatusPeriodMs)
            {
                _json.Reset();
                StatusJson.Write(_json, _status, _config);
                if (_link.Publish(_topics.Status, _json.Buffer, _json.Length, 1, true, out id))
                {
                    _publishedVersion = version;
                    _lastStatusMs = nowMs;
                }
            }

            if (outbox.DamagedCount > _reportedDamaged && PublishStoreDamaged(nowMs, outbox))
            {
                _reportedDamaged = outbox.DamagedCount;
            }

            if (_site != null)
            {
                PublishSiteLoad(nowMs);
            }

            int beatPeriodMs = _config.Heartbeat.PodPeriodMs;
            if (beatPeriodMs > 0 && nowMs - _lastBeatMs >= beatPeriodMs)
            {
                PublishBeat(nowMs);
            }

            int telemetryPeriodMs = _status.RelayClosed || _status.Moving ? _config.Telemetry.ChargingPeriodMs : _config.Telemetry.IdlePeriodMs;
            if (nowMs - _lastTelemetryMs >= telemetryPeriodMs)
            {
                _json.Reset();
                StatusJson.WriteTelemetry(_json, _status, _config);
                if (_link.Publish(_topics.Telemetry, _json.Buffer, _json.Length, 0, false, out id))
                {
                    _lastTelemetryMs = nowMs;
                }
            }
        }

        // The pod's own heartbeat (breath frame, docs/mqtt.md): small, QoS 0, on the site's topic, so the controller sees a
        // silent pod after a few periods instead of the broker's 1.5 keep-alives. A refused publish is tried at the next pump.
        private void PublishBeat(long nowMs)
        {
            _json.Reset();
            _json.BeginObject();
            _json.String("pod", _config.PodId);
            _json.Int("seq", _beatSeq);
            _json.Int("uptimeMs", nowMs);
            if (_utc != null && _utc.IsValid)
            {
                _json.Int("t", _utc.UtcMs(nowMs) / 1000);
            }
            else
            {
                _json.Null("t");
            }

            _json.String("connector", ConnectorStatusNames.Of(_status.Connector));
            _json.Bool("latched", _status.LatchedFault != FaultCode.None);
            _json.EndObject();
            int id;
            if (_link.Publish(_topics.PodBeat, _json.Buffer, _json.Length, 0, false, out id))
            {
                _beatSeq++;
                _lastBeatMs = nowMs;
            }
        }

        // The store_damaged event (docs/mqtt.md): QoS 1 on the events topic, once per rise of the count (the latest
        // record's id and kind when still readable); the status keeps the StoreRecordDamaged warning meanwhile.
        private bool PublishStoreDamaged(long nowMs, Outbox outbox)
        {
            _json.Reset();
            _json.BeginObject();
            if (_utc != null && _utc.IsValid)
            {
                _json.Int("t", _utc.UtcSeconds(nowMs));
            }
            else
            {
                _json.Null("t");
            }

            _json.Int("uptimeMs", nowMs);
            _json.String("event", StoreDamagedEvent);
            _json.String("pod", _config.PodId);
            _json.Int("count", outbox.DamagedCount);
            if (outbox.LastDamagedSequence >= 0)
            {
                _json.Int("seq", outbox.LastDamagedSequence);
            }
            else
            {
                _json.Null("seq");
            }

            if ((int)outbox.LastDamagedKind != 0)
            {
                _json.String("kind", RecordKindName(outbox.LastDamagedKind));
            }
            else
            {
                _json.Null("kind");
            }

            _json.EndObject();
            int id;
            return _json.IsComplete && _link.Publish(_topics.Events, _json.Buffer, _json.Length, 1, false, out id);
        }

        private static string RecordKindName(RecordKind kind)
        {
            if (kind == RecordKind.Alarm)
            {
                return "alarm";
            }

            if (kind == RecordKind.Session)
            {
                return "session";
            }

            if (kind == RecordKind.Move)
            {
                return "move";
            }

            return kind == RecordKind.CommandResult ? "command_result" : "telemetry";
        }

        private void PublishSiteLoad(long nowMs)
        {
            JsonWriter w;
            int version;
            Monitor.Enter(_site);
            try
            {
                version = _site.OwnVersion;
                if (version == _siteVersion && nowMs - _lastSiteMs < _config.Site.PeriodMs)
                {
                    return;
                }

                double powerW = _status.PowerW;
                int watts = Finite.Within(powerW, 0, 1000000) ? (int)powerW : 0;
                w = _siteJson.Write(_config.PodId, _site.OwnState, _site.OwnMaxDa, _site.OwnAllowedDa, _site.OwnDrawDa, watts);
            }
            finally
            {
                Monitor.Exit(_site);
            }

            int id;
            if (_link.Publish(_topics.SiteLoad, w.Buffer, w.Length, 0, false, out id))
            {
                _siteVersion = version;
                _lastSiteMs = nowMs;
            }
        }

        private void PollCard(long nowMs, bool connected)
        {
            CardAction action = _cards.Poll(nowMs, connected && !_status.ControllerLost);
            _json.Reset();
            if (action == CardAction.Authorize)
            {
                _cards.WriteRequest(_json, _config, nowMs);
                int id;
                _link.Publish(_topics.Authorize, _json.Buffer, _json.Length, 1, false, out id);
            }
            else if (action == CardAction.Answer)
            {
                CommandResultJson.Write(_json, _cards.ReadId, _cards.Answer, 0);
                PublishResult(nowMs);
            }
        }

        private void ReceiveMessages(long nowMs)
        {
            for (int i = 0; i < MaxInboundPerPump && _link.TryTakeMessage(_inbound); i++)
            {
                HandleMessage(nowMs);
            }

            // Load shedding: a backlog this pump cannot work off gets answers now rather than after seconds in a queue.
            for (int i = 0; i < MaxShedPerPump && _link.InboundCount > ShedAboveWaiting && _link.TryTakeMessage(_inbound); i++)
            {
                if (_authenticator != null && _inbound.Topic == _topics.Command)
                {
                    ShedCount++;
                    if (!AnswerBusyUnstored())
                    {
                        // The link cannot take answers now: what is left waits in its queue (and on the broker)
                        // rather than being taken only to lose its answer too.
                        return;
                    }
                }
                else
                {
                    HandleMessage(nowMs);
                }
            }
        }

        /// <summary>Commands answered <c>busy</c> unverified because more than <see cref="ShedAboveWaiting"/> messages were waiting, since construction.</summary>
        public int ShedCount { get; private set; }

        private void HandleMessage(long nowMs)
        {
            if (_authenticator != null && _inbound.Topic == _topics.Command)
            {
                HandleCommand(nowMs);
            }
            else if (_heartbeat != null && _inbound.Topic == _topics.Heartbeat)
            {
                HandleHeartbeat(nowMs);
            }
            else if (_site != null && _inbound.Topic == _topics.SiteLoad)
            {
                Monitor.Enter(_site);
                try
                {
                    _siteJson.Read(_inbound.Payload, _inbound.Length, _site, nowMs);
                }
                finally
                {
                    Monitor.Exit(_site);
                }
            }
        }

        private void HandleHeartbeat(long nowMs)
        {
            // Any message on the topic is a beat; "t" (UTC ms) sets the clock only when it is a plain integer.
            long utcMs = 0;
            string error;
            if (_heartbeatReader.TryParse(_inbound.Payload, _inbound.Length, out error) &&
                _heartbeatReader.GetLong("t", out utcMs) != JsonFieldStatus.Ok)
            {
                utcMs = 0;
            }

            _heartbeat.OnBeat(nowMs, utcMs);
            long capacityA;
            long half;
            long noNew;
            if (_site != null && _heartbeatReader.IsParsed && _heartbeatReader.GetDecimal("capacityA", 1, out capacityA) == JsonFieldStatus.Ok &&
                capacityA > 0 && capacityA <= 100000)
            {
                if (_heartbeatReader.GetLong("halfPowerAbovePercent", out half) != JsonFieldStatus.Ok)
                {
                    half = _config.Site.HalfPowerAbovePercent;
                }

                if (_heartbeatReader.GetLong("noNewSessionsAbovePercent", out noNew) != JsonFieldStatus.Ok)
                {
                    noNew = _config.Site.NoNewSessionsAbovePercent;
                }

                Monitor.Enter(_site);
                try
                {
                    _site.OnPolicy((int)capacityA, half > 0 && half <= 100 ? (int)half : 0, noNew > 0 && noNew <= 100 ? (int)noNew : 0, nowMs);
                }
                finally
                {
                    Monitor.Exit(_site);
                }
            }
        }

        private void HandleCommand(long nowMs)
        {
            // The outbox keeps a slot for the result of every command the tick still owes one, so a burst of refusals
            // cannot make the store evict (or refuse) a result promised earlier.
            Outbox outbox = _publisher.Outbox;
            if (outbox.Capacity - outbox.Count <= _awaitingCount)
            {
                AnswerBusyUnstored();
                return;
            }

            bool timeValid = _utc != null && _utc.IsValid;
            long nowUtcS = timeValid ? _utc.UtcSeconds(nowMs) : 0;
            if (timeValid)
            {
                _replayHorizon.OnClock(nowUtcS);
            }

            CommandAuthResult result = _authenticator.Verify(_inbound.Payload, _inbound.Length, nowUtcS, _command);
            if (result == CommandAuthResult.Ok)
            {
                // Its id and nonce are used now, queued or not: persist its ts so a reboot cannot make it acceptable again.
                _replayHorizon.Accepted(_command.TimestampUtcS);
                if (_command.Type == CommandType.RotateKey)
                {
                    // The keys belong to this side (they check the next command): rotated here, not in the tick.
                    _json.Reset();
                    CommandResultJson.Write(_json, _command.Id, _authenticator.Keys.Rotate(_command, _authenticator.LastKeyId, nowUtcS), 0);
                    PublishResult(nowMs);

                    // the status names the current key: published again at once, not at its next period
                    _lastStatusMs = long.MinValue / 2;
                }
                else if (_queue.TryEnqueue(_command))
                {
                    Await(_command.Id, _command.Type);
                }
                else
                {
                    _json.Reset();
                    CommandResultJson.Write(_json, _command.Id, CommandResultCode.Busy, 0);
                    PublishResult(nowMs);
                }

                return;
            }

            string reason = result == CommandAuthResult.Expired && !timeValid ? PodTimeNotSetReason : _authenticator.LastReason;
            _json.Reset();
            CommandResultJson.WriteRefused(_json, _idReader.TryRead(_inbound.Payload, _inbound.Length), result, reason);
            PublishResult(nowMs);
        }

        // The outbox has no room for a result beyond those the tick still owes: storing one would evict a stored record
        // (perhaps one not yet sent), and waiting for room would hold the link, whose acknowledgements are what makes room. So the command is neither
        // verified nor applied and is answered busy at once, published without being stored; counted either way.
        // Returns false when the answer was lost (counted): the link's queue is full.
        private bool AnswerBusyUnstored()
        {
            _json.Reset();
            CommandResultJson.Write(_json, _idReader.TryRead(_inbound.Payload, _inbound.Length), CommandResultCode.Busy, 0);
            int id;
            if (_json.IsComplete && _link.Publish(_topics.CommandResult, _json.Buffer, _json.Length, 1, false, out id))
            {
                BusyUnstoredCount++;
                return true;
            }

            LostResultCount++;
            return false;
        }

        /// <summary>Commands answered <c>busy</c> without being verified because the outbox was full (that result is not stored), since construction.</summary>
        public int BusyUnstoredCount { get; private set; }

        /// <summary>Commands whose <c>busy</c> answer could not even be handed to the link (outbox and link queue both full), since construction.</summary>
        public int LostResultCount { get; private set; }

        // Results go through the store like alarms, so one answered while the link drops is still delivered (by id, once).
        private void PublishResult(long nowMs)
        {
            if (_json.IsComplete)
            {
                _publisher.Send(RecordKind.CommandResult, _json.Buffer, _json.Length, nowMs);
            }
        }

        private void Await(string id, CommandType type)
        {
            if (_awaitingIds[_awaitingNext] == null)
            {
                _awaitingCount++;
            }

            _awaitingIds[_awaitingNext] = id;
            _awaitingTypes[_awaitingNext] = type;
            _awaitingNext = (_awaitingNext + 1) % _awaitingIds.Length;
        }

        private CommandType TakeAwaitedType(string id)
        {
            for (int i = 0; i < _awaitingIds.Length; i++)
            {
                if (_awaitingIds[i] != null && _awaitingIds[i] == id)
                {
                    _awaitingIds[i] = null;
                    _awaitingCount--;
                    return _awaitingTypes[i];
                }
            }

            return CommandType.None;
        }

        private void PublishEvents(long nowMs, bool connected)
        {
            while (_hasPending || _events.TryTake(_pending))
            {
                _hasPending = true;
                if (!PublishPending(nowMs, connected))
                {
                    return;
                }

                _hasPending = false;
            }
        }

        // check_space answers from the latest status snapshot, taken on this thread.
        private void FillSpace()
        {
            _space.Charging = _status.RelayClosed;
            _space.Connector = _status.Connector;
            _space.Vehicle = StatusJson.VehicleName(_status.Vehicle);
            _space.SpaceNumber = _config.ParkingSpace;
            _space.HasPosition = _status.HasPosition;
            _space.LatDegScaled = (long)System.Math.Round(_status.LatitudeDeg * 10000000.0);
            _space.LonDegScaled = (long)System.Math.Round(_status.LongitudeDeg * 10000000.0);
        }

        // Returns false only when the event should be tried again at the next pump (best-effort publish while connected failed).
        private bool PublishPending(long nowMs, bool connected)
        {
            int id;
            _json.Reset();
            EventKind kind = _pending.Kind;
            // A network lost while moving is only known once the link is back: stored and delivered like an alarm.
            if (EventJson.IsAlarmTopicKind(kind) || (kind == EventKind.Warning && _pending.Code == FaultCode.NetworkLostWhileMoving))
            {
                long utcMs = _utc != null && _utc.IsValid ? _utc.UtcMs(_pending.TimeMs) : 0;
                EventJson.WriteAlarm(_json, _pending, _config.PodId, _alarmIdPrefix, _config.SiteId, _publisher.NextSequence, utcMs);
                _publisher.Send(RecordKind.Alarm, _json.Buffer, _json.Length, nowMs);
                return true;
            }

            if (kind == EventKind.Session)
            {
                SessionRecord r = _pending.Record;
                SessionJson.Write(_json, r, _config.PodId, _config.SiteId, _pending.SpaceNumber);
                _publisher.Send(RecordKind.Session, _json.Buffer, _json.Length, nowMs);

                // Counted after the record is stored: a power cut between the two loses it from the counters, never counts it twice.
                _counters.AddSession(r.EnergyMilliWh, r.StopMs - r.StartMs, r.StopUtcS);
                return true;
            }

            if (kind == EventKind.MoveRecord)
            {
                bool utc = _utc != null && _utc.IsValid;
                MoveJson.Write(_json, _pending, _config.PodId, _alarmIdPrefix, _config.SiteId, _config.ParkingSpace, _publisher.NextSequence,
                    utc ? _utc.UtcMs(_pending.Record.StartMs) : 0, utc ? _utc.UtcMs(_pending.Record.StopMs) : 0);
                _publisher.Send(RecordKind.Move, _json.Buffer, _json.Length, nowMs);
                return true;
            }

            if (kind == EventKind.CommandResult)
            {
                CommandResultCode code = (CommandResultCode)_pending.Arg;
                CommandType type = TakeAwaitedType(_pending.Text);
                if (code == CommandResultCode.Ok && type == CommandType.GetStatus)
                {
                    CommandResultJson.WriteWithStatus(_json, _pending.Text, _status, _config);
                }
                else if (code == CommandResultCode.Ok && type == CommandType.CheckSpace)
                {
                    FillSpace();
                    CommandResultJson.WriteWithSpace(_json, _pending.Text, _space);
                }
                else
                {
                    CommandResultJson.Write(_json, _pending.Text, code, (long)_pending.Value);
                }

                PublishResult(nowMs);
                return true;
            }

            if (!connected)
            {
                // The events topic is best effort (QoS 0); the status document carries the state they report.
                return true;
            }

            EventJson.Write(_json, _pending, _config.PodId, _utc != null && _utc.IsValid ? _utc.UtcSeconds(_pending.TimeMs) : 0);
            return _link.Publish(_topics.Events, _json.Buffer, _json.Length, 0, false, out id);
        }
    }
}
