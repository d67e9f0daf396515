using PodFirmware.Json;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Core.Console
{
    /// <summary>
    /// Publishes the <see cref="LogRing"/> on <c>pods/{podId}/log</c> (QoS 0, not retained), one line per call at most
    /// every <see cref="MinIntervalMs"/>, oldest first, as <c>{"n":12,"msg":"..."}</c> (<c>n</c> counts lines since
    /// boot, so a gap shows lines the ring overwrote before they went out). It also writes "mqtt link up" / "mqtt link
    /// down" into the ring when the link changes, so a technician sees link problems on the console.
    /// </summary>
    /// <remarks>Messaging thread only. The JSON buffer is allocated once; a call allocates nothing but the ring's line.</remarks>
    public sealed class LogPublisher
    {
        /// <summary>Least time between two published lines, in ms (at most 5 lines per second).</summary>
        public const int MinIntervalMs = 200;

        private readonly LogRing _ring;
        private readonly IMqttLink _link;
        private readonly string _topic;
        private readonly JsonWriter _json = new JsonWriter(LogRing.MaxLineChars * 6 + 32);
        private long _lastMs = long.MinValue / 2;
        private int _next;
        private bool _wasUp;

        /// <summary>Creates the publisher for <paramref name="podId"/>'s log topic.</summary>
        public LogPublisher(LogRing ring, IMqttLink link, string podId)
        {
            _ring = ring;
            _link = link;
            _topic = "pods/" + podId + "/log";
        }

        /// <summary>The topic lines go to.</summary>
        public string Topic
        {
            get { return _topic; }
        }

        /// <summary>Number of the next line to publish (lines since boot).</summary>
        public int Next
        {
            get { return _next; }
        }

        /// <summary>Notes link changes, then publishes the next line when the link is up and the interval has passed.</summary>
        public void Pump(long nowMs)
        {
            bool up = _link.IsConnected;
            if (up != _wasUp)
            {
                _wasUp = up;
                _ring.Add(up ? "mqtt link up" : "mqtt link down");
            }

            int total = _ring.Total;
            if (!up || _next >= total || nowMs - _lastMs < MinIntervalMs)
            {
                return;
            }

            if (_next < total - _ring.Capacity)
            {
                _next = total - _ring.Capacity;
            }

            string line = _ring.Line(_next);
            _json.Reset();
            _json.BeginObject();
            _json.Int("n", _next);
            _json.String("msg", line == null ? "" : line);
            _json.EndObject();
            int id;
            if (_json.IsComplete && _link.Publish(_topic, _json.Buffer, _json.Length, 0, false, out id))
            {
                _next++;
                _lastMs = nowMs;
            }
        }
    }
}
