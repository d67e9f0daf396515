using System.Threading;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using Xunit;

namespace PodFirmware.Host.Tests.Core
{
    /// <summary>The ring between two real threads: nothing torn, nothing reordered, every loss counted.</summary>
    public class EventRingThreadTests
    {
        [Fact]
        public void Producer_and_consumer_on_two_threads_see_whole_events_in_order_and_every_drop_is_counted()
        {
            // The producer retries a dropped write so the two threads keep meeting at a full ring, where
            // a slot handed over before it is filled (or reused before it is read) would show.
            const int written = 100_000;
            var ring = new EventRing(16, 4);
            var finished = new ManualResetEventSlim(false);
            int refused = 0;
            var producer = new Thread(() =>
            {
                var e = new PodEvent();
                for (int i = 0; i < written; i++)
                {
                    e.Kind = i % 7 == 0 ? EventKind.Alarm : EventKind.Status;
                    e.TimeMs = i;
                    e.Value = i * 2.0;
                    e.Limit = -i;
                    e.Arg = i;
                    e.Code = (FaultCode)(i % FaultCatalogue.Count);
                    while (!ring.TryWrite(e))
                    {
                        refused++;
                    }
                }

                finished.Set();
            });

            producer.Start();
            var into = new PodEvent();
            long previous = -1;
            int taken = 0;
            while (!finished.IsSet || ring.Count > 0)
            {
                if (!ring.TryTake(into))
                {
                    continue;
                }

                taken++;
                Assert.True(into.TimeMs > previous, "out of order at " + into.TimeMs);
                Assert.Equal(into.TimeMs * 2.0, into.Value);
                Assert.Equal(-into.TimeMs, (long)into.Limit);
                Assert.Equal(into.TimeMs, into.Arg);
                Assert.Equal((int)(into.TimeMs % FaultCatalogue.Count), (int)into.Code);
                Assert.Equal(into.TimeMs % 7 == 0 ? EventKind.Alarm : EventKind.Status, into.Kind);
                previous = into.TimeMs;
            }

            producer.Join();
            Assert.Equal(written, taken);
            Assert.Equal(refused, ring.DroppedCount);
        }
    }
}
