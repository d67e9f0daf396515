using PodFirmware.Core.Commands;
using PodFirmware.Core.Config;
using PodFirmware.Core.Control;
using PodFirmware.Core.Events;
using PodFirmware.Core.Heartbeat;
using PodFirmware.Core.Json;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Core.Messaging
{
    /// <summary>
    /// The pod's side of the MQTT contract (docs/mqtt.md). Each <see cref="Pump"/>: after every (re)connect announces
    /// "online", subscribes the command and heartbeat topics and forces a fresh retained status; takes inbound messages
    /// (commands are verified here and only accepted ones are queued for the tick; heartbeats go to the monitor); drains
    /// the event ring (alarm kinds to the pod and site alarm topics and session records to the session topic through the
    /// <see cref="IReliableSender"/>, command outcomes to <c>cmd/result</c>, the rest to the events topic); publishes the
    /// retained status on every change and at least every <see cref="TelemetryConfig.StatusPeriodMs"/>, and telemetry
    /// at its charging or idle period. Never blocks: while the link is down, events stay in the ring.
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

        private IReliableSender _sender;
        private CommandAuthenticator _authenticator;
        private CommandQueue _queue;
        private UtcTime _utc;
        private HeartbeatMonitor _heartbeat;

        // Types of accepted commands still waiting for their result, so get_status and check_space results can carry their data.
        private string[] _awaitingIds = new string[0];
        private CommandType[] _awaitingTypes = new CommandType[0];
        private int _awaitingNext;

        private bool _hasPending;
        private long _pendingSeq = -1;
        private bool _wasConnected;
        private int _publishedVersion = -1;
        private long _lastStatusMs;
        private long _lastTelemetryMs = long.MinValue / 2;

        /// <summary>Creates the pump for <paramref name="pod"/> over <paramref name="link"/>.</summary>
        public MessagingPump(PodConfig config, IMqttLink link, PodController pod)
            : this(config, link, pod.Events, pod.Status)
        {
        }

        /// <summary>Creates the pump draining <paramref name="events"/> and publishing <paramref name="status"/> over <paramref name="link"/>.</summary>
        /// <param name="config">Validated pod configuration (ids, telemetry periods).</param>
        /// <param name="link">The MQTT link.</param>
        /// <param name="events">The tick's event ring; the pump is its only consumer.</param>
        /// <param name="status">The tick's status snapshot.</param>
        public MessagingPump(PodConfig config, IMqttLink link, EventRing events, PodStatus status)
        {
            _config = config;
            _link = link;
            _events = events;
            _status = status;
            _topics = new Topics(config.PodId, config.SiteId);
            _alarmIdPrefix = config.PodId + "-";
            _sender = new DirectSender(link);
        }

        /// <summary>The topic names in use.</summary>
        public Topics Topics
        {
            get { return _topics; }
        }

        /// <summary>
        /// Where alarms and session records go (QoS 1); <see cref="DirectSender"/> until the store-first publisher is set here.
        /// Set before the first <see cref="Pump"/>.
        /// </summary>
        public IReliableSender Sender
        {
            get { return _sender; }
            set { _sender = value; }
        }

        /// <summary>What check_space results report; filled by the integration on the messaging thread before results are written.</summary>
        public SpaceInfo Space
        {
            get { return _space; }
        }

        /// <summary>
        /// Turns on command intake: subscribes <c>pods/{podId}/cmd</c> (QoS 1), verifies each message with
        /// <paramref name="authenticator"/> at the pod's UTC from <paramref name="utc"/>, answers refusals at once and queues
        /// accepted commands into <paramref name="queue"/> (a full queue answers <c>busy</c>). Boot only: allocates.
        /// </summary>
        public void EnableCommands(CommandAuthenticator authenticator, CommandQueue queue, UtcTime utc)
        {
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

        /// <summary>Does what is due at monotonic time <paramref name="nowMs"/>. Messaging thread only.</summary>
        public void Pump(long nowMs)
        {
            if (!_link.IsConnected)
            {
                _wasConnected = false;
                return;
            }

            int id;
            if (!_wasConnected)
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

                _publishedVersion = -1;
                _wasConnected = true;
            }

            ReceiveMessages(nowMs);
            PublishEvents(nowMs);

            if (_status.Version != _publishedVersion || nowMs - _lastStatusMs >= _config.Telemetry.StatusPeriodMs)
            {
                _json.Reset();
                StatusJson.Write(_json, _status, _config);
                if (_link.Publish(_topics.Status, _json.Buffer, _json.Length, 1, true, out id))
                {
                    _publishedVersion = _status.Version;
                    _lastStatusMs = nowMs;
                }
            }

            int telemetryPeriodMs = _status.RelayClosed ? _config.Telemetry.ChargingPeriodMs : _config.Telemetry.IdlePeriodMs;
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

        private void ReceiveMessages(long nowMs)
        {
            for (int i = 0; i < MaxInboundPerPump && _link.TryTakeMessage(_inbound); i++)
            {
                if (_authenticator != null && _inbound.Topic == _topics.Command)
                {
                    HandleCommand(nowMs);
                }
                else if (_heartbeat != null && _inbound.Topic == _topics.Heartbeat)
                {
                    HandleHeartbeat(nowMs);
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
        }

        private void HandleCommand(long nowMs)
        {
            bool timeValid = _utc != null && _utc.IsValid;
            long nowUtcS = timeValid ? _utc.UtcSeconds(nowMs) : 0;
            CommandAuthResult result = _authenticator.Verify(_inbound.Payload, _inbound.Length, nowUtcS, _command);
            if (result == CommandAuthResult.Ok)
            {
                if (_queue.TryEnqueue(_command))
                {
                    Await(_command.Id, _command.Type);
                }
                else
                {
                    _json.Reset();
                    CommandResultJson.Write(_json, _command.Id, CommandResultCode.Busy, 0);
                    PublishResult();
                }

                return;
            }

            string reason = result == CommandAuthResult.Expired && !timeValid ? PodTimeNotSetReason : _authenticator.LastReason;
            _json.Reset();
            CommandResultJson.WriteRefused(_json, _idReader.TryRead(_inbound.Payload, _inbound.Length), result, reason);
            PublishResult();
        }

        private bool PublishResult()
        {
            int id;
            return _json.IsComplete && _link.Publish(_topics.CommandResult, _json.Buffer, _json.Length, 1, false, out id);
        }

        private void Await(string id, CommandType type)
        {
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
                    return _awaitingTypes[i];
                }
            }

            return CommandType.None;
        }

        private void PublishEvents(long nowMs)
        {
            while (_hasPending || _events.TryTake(_pending))
            {
                _hasPending = true;
                if (!PublishPending(nowMs))
                {
                    return;
                }

                _hasPending = false;
                _pendingSeq = -1;
            }
        }

        private bool PublishPending(long nowMs)
        {
            int id;
            _json.Reset();
            EventKind kind = _pending.Kind;
            if (EventJson.IsAlarmTopicKind(kind))
            {
                if (_pendingSeq < 0)
                {
                    _pendingSeq = _sender.NextSequence();
                }

                long utcMs = _utc != null && _utc.IsValid ? _utc.UtcMs(_pending.TimeMs) : 0;
                EventJson.WriteAlarm(_json, _pending, _config.PodId, _alarmIdPrefix, _config.SiteId, _pendingSeq, utcMs);
                return _sender.Send(kind, _topics.Alarm, _json.Buffer, _json.Length) &&
                       _sender.Send(kind, _topics.SiteAlarm, _json.Buffer, _json.Length);
            }

            if (kind == EventKind.Session)
            {
                SessionJson.Write(_json, _pending.Record, _config.PodId, _config.SiteId, _pending.SpaceNumber);
                return _sender.Send(kind, _topics.Session, _json.Buffer, _json.Length);
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
                    CommandResultJson.WriteWithSpace(_json, _pending.Text, _space);
                }
                else
                {
                    CommandResultJson.Write(_json, _pending.Text, code, (long)_pending.Value);
                }

                return PublishResult();
            }

            EventJson.Write(_json, _pending, _config.PodId);
            return _link.Publish(_topics.Events, _json.Buffer, _json.Length, 0, false, out id);
        }
    }
}
