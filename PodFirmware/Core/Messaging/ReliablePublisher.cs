using System;
using PodFirmware.Core.Store;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Core.Messaging
{
    /// <summary>
    /// Delivers outbox records at least once: <see cref="Send"/> stores a record first, then publishes it at QoS 1
    /// to the one or two topics registered for its kind; the record is removed only when the broker acknowledged
    /// every one of those publishes. After each (re)connect, and after an acknowledgement took longer than the ack
    /// timeout, every pending record is published again in sequence order, records restored at boot included.
    /// Duplicates are expected: the caller writes the message id (<c>{podId}-{sequence}</c>, sequence =
    /// <see cref="NextSequence"/>) into each payload and receivers drop ids they have seen.
    /// </summary>
    /// <remarks>
    /// Messaging thread only; never called from the control tick, so a stalled link or a slow flash write can not
    /// delay it. Buffers and the in-flight table are allocated at construction; <see cref="Send"/> and
    /// <see cref="Pump"/> allocate nothing beyond the store and link adapters.
    /// </remarks>
    public sealed class ReliablePublisher
    {
        private const int KindSlots = 6;

        private readonly IMqttLink _link;
        private readonly Outbox _outbox;
        private readonly int _ackTimeoutMs;
        private readonly string[] _topic = new string[KindSlots];
        private readonly string[] _secondTopic = new string[KindSlots];
        private readonly byte[] _payload;
        private readonly int[] _inFlightMid;
        private readonly long[] _inFlightSequence;
        private readonly long[] _inFlightSentMs;
        private int _inFlight;
        private long _sentUpTo = -1;
        private bool _wasConnected;

        /// <summary>
        /// Creates the publisher over <paramref name="link"/> and <paramref name="outbox"/>, tracking at most
        /// <paramref name="maxInFlight"/> unacknowledged publishes (at least 2) and re-sending everything pending when one
        /// waits longer than <paramref name="ackTimeoutMs"/> milliseconds.
        /// </summary>
        public ReliablePublisher(IMqttLink link, Outbox outbox, int maxInFlight, int ackTimeoutMs)
        {
            if (link == null || outbox == null)
            {
                throw new ArgumentNullException(link == null ? "link" : "outbox");
            }

            if (maxInFlight < 2)
            {
                throw new ArgumentOutOfRangeException("maxInFlight");
            }

            if (ackTimeoutMs < 1)
            {
                throw new ArgumentOutOfRangeException("ackTimeoutMs");
            }

            _link = link;
            _outbox = outbox;
            _ackTimeoutMs = ackTimeoutMs;
            _payload = new byte[outbox.MaxPayloadBytes];
            _inFlightMid = new int[maxInFlight];
            _inFlightSequence = new long[maxInFlight];
            _inFlightSentMs = new long[maxInFlight];
        }

        /// <summary>The outbox records are kept in (counters for status: overflow, corrupt, store failures).</summary>
        public Outbox Outbox
        {
            get { return _outbox; }
        }

        /// <summary>The sequence number the next stored record gets; write <c>{podId}-{NextSequence}</c> into its payload as its id.</summary>
        public long NextSequence
        {
            get { return _outbox.NextSequence; }
        }

        /// <summary>Publishes waiting for their acknowledgement (one per topic of each record in flight).</summary>
        public int InFlightCount
        {
            get { return _inFlight; }
        }

        /// <summary>Records the outbox refused or failed to store that were published once without a delivery guarantee, since construction.</summary>
        public int UnstoredPublishCount { get; private set; }

        /// <summary>
        /// Sets where records of <paramref name="kind"/> go: <paramref name="topic"/> and, when not null,
        /// <paramref name="secondTopic"/> too (alarms: the pod's and the site's alarm topic); a record is delivered only
        /// when both acknowledged it. Register every kind before <see cref="Send"/> or the first <see cref="Pump"/>.
        /// </summary>
        public void SetTopics(RecordKind kind, string topic, string secondTopic)
        {
            if (topic == null)
            {
                throw new ArgumentNullException("topic");
            }

            _topic[(int)kind] = topic;
            _secondTopic[(int)kind] = secondTopic;
        }

        /// <summary>
        /// Stores the first <paramref name="length"/> bytes of <paramref name="json"/> as a record of
        /// <paramref name="kind"/> (its id must be <see cref="NextSequence"/>), then publishes it at once when connected
        /// and nothing older is still waiting to go out; at monotonic time <paramref name="nowMs"/>. Returns <c>true</c> when
        /// the record is stored (delivery is then guaranteed while it stays in the outbox). When the outbox refused it or
        /// the store failed, publishes it once at QoS 1 if connected, counts that in <see cref="UnstoredPublishCount"/>, and
        /// returns <c>false</c>.
        /// </summary>
        public bool Send(RecordKind kind, byte[] json, int length, long nowMs)
        {
            string topic = _topic[(int)kind];
            if (topic == null)
            {
                throw new InvalidOperationException("no topic for this record kind");
            }

            long sequence;
            if (_outbox.Append(kind, json, length, out sequence))
            {
                if (_wasConnected && _link.IsConnected)
                {
                    PublishPending(nowMs);
                }

                return true;
            }

            if (_link.IsConnected)
            {
                int mid;
                _link.Publish(topic, json, length, 1, false, out mid);
                string second = _secondTopic[(int)kind];
                if (second != null)
                {
                    _link.Publish(second, json, length, 1, false, out mid);
                }

                UnstoredPublishCount++;
            }

            return false;
        }

        /// <summary>
        /// At monotonic time <paramref name="nowMs"/>: removes the records whose every publish the broker acknowledged,
        /// re-sends all pending records after a (re)connect or an ack timeout, and publishes what is still waiting while
        /// the link is up and the in-flight table has room.
        /// </summary>
        public void Pump(long nowMs)
        {
            int mid;
            while (_link.TryTakeAck(out mid))
            {
                Acknowledge(mid);
            }

            if (!_link.IsConnected)
            {
                _wasConnected = false;
                return;
            }

            if (!_wasConnected || OldestInFlightAgeMs(nowMs) > _ackTimeoutMs)
            {
                // The old session's publishes may be lost: send everything pending again under new ids.
                _inFlight = 0;
                _sentUpTo = -1;
                _wasConnected = true;
            }

            PublishPending(nowMs);
        }

        private void PublishPending(long nowMs)
        {
            long sequence;
            RecordKind kind;
            int length;
            while (_outbox.TryGetNextAfter(_sentUpTo, _payload, out sequence, out kind, out length))
            {
                string topic = _topic[(int)kind];
                string second = _secondTopic[(int)kind];
                if (topic == null)
                {
                    // A kind nobody registered (e.g. restored from an older build): leave it stored, do not block the rest.
                    _sentUpTo = sequence;
                    continue;
                }

                if (_inFlight + (second == null ? 1 : 2) > _inFlightMid.Length)
                {
                    return;
                }

                int firstMid;
                int secondMid = 0;
                if (!_link.Publish(topic, _payload, length, 1, false, out firstMid) ||
                    (second != null && !_link.Publish(second, _payload, length, 1, false, out secondMid)))
                {
                    // Link went down (possibly half-way): the record stays pending and goes out whole after the reconnect.
                    return;
                }

                Track(firstMid, sequence, nowMs);
                if (second != null)
                {
                    Track(secondMid, sequence, nowMs);
                }

                _sentUpTo = sequence;
            }
        }

        private void Track(int mid, long sequence, long nowMs)
        {
            _inFlightMid[_inFlight] = mid;
            _inFlightSequence[_inFlight] = sequence;
            _inFlightSentMs[_inFlight] = nowMs;
            _inFlight++;
        }

        private void Acknowledge(int mid)
        {
            for (int i = 0; i < _inFlight; i++)
            {
                if (_inFlightMid[i] != mid)
                {
                    continue;
                }

                long sequence = _inFlightSequence[i];
                _inFlight--;
                _inFlightMid[i] = _inFlightMid[_inFlight];
                _inFlightSequence[i] = _inFlightSequence[_inFlight];
                _inFlightSentMs[i] = _inFlightSentMs[_inFlight];
                for (int j = 0; j < _inFlight; j++)
                {
                    if (_inFlightSequence[j] == sequence)
                    {
                        return;
                    }
                }

                _outbox.Remove(sequence);
                return;
            }
        }

        private long OldestInFlightAgeMs(long nowMs)
        {
            long oldest = 0;
            for (int i = 0; i < _inFlight; i++)
            {
                long age = nowMs - _inFlightSentMs[i];
                if (age > oldest)
                {
                    oldest = age;
                }
            }

            return oldest;
        }
    }
}
