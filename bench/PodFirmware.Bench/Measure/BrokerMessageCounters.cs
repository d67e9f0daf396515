using System;
using System.Globalization;
using System.Text;
using System.Threading;

namespace PodFirmware.Bench.Measure
{
    /// <summary>
    /// The broker's own message counters, <c>$SYS/broker/messages/received</c> and <c>.../sent</c> (mosquitto publishes
    /// them every <c>sys_interval</c> seconds), read by a subscriber of its own. Thread-safe reads.
    /// </summary>
    public sealed class BrokerMessageCounters : IDisposable
    {
        private readonly RawMqttClient _client;
        private long _received;
        private long _sent;

        /// <summary>Connects to the broker on <paramref name="port"/> and subscribes to its message counters.</summary>
        public BrokerMessageCounters(int port)
        {
            _client = new RawMqttClient(port, "sys-reader", (topic, payload, at) =>
            {
                long value = long.TryParse(Encoding.ASCII.GetString(payload), NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) ? v : 0;
                if (topic == "$SYS/broker/messages/received")
                {
                    Interlocked.Exchange(ref _received, value);
                }
                else if (topic == "$SYS/broker/messages/sent")
                {
                    Interlocked.Exchange(ref _sent, value);
                }
            });
            _client.Subscribe("$SYS/broker/messages/+", 0);
        }

        /// <summary>Messages the broker has received since it started, as last published.</summary>
        public long Received => Interlocked.Read(ref _received);

        /// <summary>Messages the broker has sent since it started, as last published.</summary>
        public long Sent => Interlocked.Read(ref _sent);

        /// <inheritdoc />
        public void Dispose() => _client.Dispose();
    }
}
