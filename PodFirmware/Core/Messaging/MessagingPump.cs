using PodFirmware.Core.Config;
using PodFirmware.Core.Control;
using PodFirmware.Core.Events;
using PodFirmware.Core.Json;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Core.Messaging
{
    /// <summary>
    /// Moves what the tick produced onto MQTT: drains the event ring (alarm-level events to the
    /// pod's alarm topic and the site-wide alarm topic at QoS 1, the rest to the events topic) and
    /// publishes the retained status on every change and at least every
    /// <see cref="TelemetryConfig.StatusPeriodMs"/>, and telemetry at its charging or idle period. Never blocks: when the link is down, status
    /// waits for the next change or period and events stay in the ring until it comes back.
    /// </summary>
    /// <remarks>
    /// Runs on the messaging thread (on the host's live run, between ticks). Reuses one JSON
    /// buffer; M2Mqtt and libmosquitto copy payloads before returning.
    /// </remarks>
    public sealed class MessagingPump
    {
        private static readonly byte[] Online = { (byte)'o', (byte)'n', (byte)'l', (byte)'i', (byte)'n', (byte)'e' };

        private readonly PodConfig _config;
        private readonly IMqttLink _link;
        private readonly PodController _pod;
        private readonly Topics _topics;
        private readonly JsonWriter _json = new JsonWriter(1024);
        private readonly PodEvent _pending = new PodEvent();
        private bool _hasPending;
        private bool _wasConnected;
        private int _publishedVersion = -1;
        private long _lastStatusMs;
        private long _lastTelemetryMs = long.MinValue / 2;

        /// <summary>Creates the pump for <paramref name="pod"/> over <paramref name="link"/>.</summary>
        public MessagingPump(PodConfig config, IMqttLink link, PodController pod)
        {
            _config = config;
            _link = link;
            _pod = pod;
            _topics = new Topics(config.PodId, config.SiteId);
        }

        /// <summary>The topic names in use.</summary>
        public Topics Topics
        {
            get { return _topics; }
        }

        /// <summary>Publishes what is due at monotonic time <paramref name="nowMs"/>.</summary>
        public void Pump(long nowMs)
        {
            bool connected = _link.IsConnected;
            if (!connected)
            {
                _wasConnected = false;
                return;
            }

            int id;
            if (!_wasConnected)
            {
                // After every (re)connect: say we are back and force a fresh retained status.
                _link.Publish(_topics.Availability, Online, Online.Length, 1, true, out id);
                _publishedVersion = -1;
                _wasConnected = true;
            }

            PublishEvents();

            PodStatus status = _pod.Status;
            if (status.Version != _publishedVersion || nowMs - _lastStatusMs >= _config.Telemetry.StatusPeriodMs)
            {
                _json.Reset();
                StatusJson.Write(_json, status, _config);
                if (_link.Publish(_topics.Status, _json.Buffer, _json.Length, 1, true, out id))
                {
                    _publishedVersion = status.Version;
                    _lastStatusMs = nowMs;
                }
            }

            int telemetryPeriodMs = status.RelayClosed ? _config.Telemetry.ChargingPeriodMs : _config.Telemetry.IdlePeriodMs;
            if (nowMs - _lastTelemetryMs >= telemetryPeriodMs)
            {
                _json.Reset();
                StatusJson.WriteTelemetry(_json, status, _config);
                if (_link.Publish(_topics.Telemetry, _json.Buffer, _json.Length, 0, false, out id))
                {
                    _lastTelemetryMs = nowMs;
                }
            }
        }

        private void PublishEvents()
        {
            while (_hasPending || _pod.Events.TryTake(_pending))
            {
                _hasPending = true;
                _json.Reset();
                EventJson.Write(_json, _pending, _config.PodId);
                int id;
                bool sent;
                if (IsAlarmLevel(_pending.Kind))
                {
                    sent = _link.Publish(_topics.Alarm, _json.Buffer, _json.Length, 1, false, out id) &&
                           _link.Publish(_topics.SiteAlarm, _json.Buffer, _json.Length, 1, false, out id);
                }
                else
                {
                    sent = _link.Publish(_topics.Events, _json.Buffer, _json.Length, 0, false, out id);
                }

                if (!sent)
                {
                    return;
                }

                _hasPending = false;
            }
        }

        private static bool IsAlarmLevel(EventKind kind)
        {
            return kind == EventKind.Alarm || kind == EventKind.FireRisk || kind == EventKind.AllClear;
        }
    }
}
