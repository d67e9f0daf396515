using System;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Heartbeat;
using PodFirmware.Json;
using PodFirmware.Core.Messaging;
using PodFirmware.Core.Session;
using Xunit;
using PodFirmware.Host.Tests.Support;

namespace PodFirmware.Host.Tests.Core.Messaging
{
    /// <summary>The command queue and heartbeat run in the tick, the payload writers in the pump: none may allocate in steady state.</summary>
    [Collection(AllocationMeasurement.Name)]
    public class MessagingAllocationTests
    {
        private const int Rounds = 10_000;

        [Fact]
        public void Queueing_and_taking_commands_allocates_nothing_and_keeps_order()
        {
            var queue = new CommandQueue(8);
            var source = new Command { Type = CommandType.Start, Id = "c-1", Account = "acct", PodId = "P-017", Nonce = "0123456789abcdef" };
            var taken = new Command();
            Exercise(queue, source, taken, 100);

            long before = AllocationWindow.Begin();
            long sum = Exercise(queue, source, taken, Rounds);
            long allocated = AllocationWindow.End(before);

            Assert.Equal(0L, allocated);
            Assert.Equal((long)Rounds * 3 * (Rounds * 3 - 1) / 2, sum);
        }

        private static long Exercise(CommandQueue queue, Command source, Command taken, int rounds)
        {
            long sum = 0;
            long next = 0;
            for (int i = 0; i < rounds; i++)
            {
                for (int k = 0; k < 3; k++)
                {
                    source.TimestampUtcS = next++;
                    Assert.True(queue.TryEnqueue(source));
                }

                while (queue.TryTake(taken))
                {
                    sum += taken.TimestampUtcS;
                }
            }

            return sum;
        }

        [Fact]
        public void Heartbeat_updates_and_clock_reads_allocate_nothing()
        {
            var ring = new EventRing(8, 2);
            var utc = new UtcTime();
            var monitor = new HeartbeatMonitor(new HeartbeatConfig(), 0, ring, utc);
            var e = new PodEvent();
            int lost = 0;
            long before = AllocationWindow.Begin();
            for (long t = 0; t < Rounds * 100L; t += 100)
            {
                // Beats for 60 s, silence for 60 s, repeated: lost and recovered every 120 s.
                if (t % 120_000 < 60_000 && t % 10_000 == 0)
                {
                    monitor.OnBeat(t, 1767225600000L + t);
                }

                if (monitor.Update(t) == HeartbeatChange.Lost)
                {
                    lost++;
                }

                utc.UtcMs(t);
                while (ring.TryTake(e))
                {
                }
            }

            long allocated = AllocationWindow.End(before);
            Assert.Equal(0L, allocated);
            Assert.Equal(8, lost);
        }

        [Fact]
        public void Writing_alarm_session_and_result_payloads_allocates_nothing()
        {
            var w = new JsonWriter(2048);
            var e = new PodEvent { Kind = EventKind.Alarm, Code = FaultCode.ConnectorOverTemperature, Unit = ValueUnit.Celsius, Value = 72.3, Limit = 70 };
            var record = new SessionRecord { SessionId = "s-1", Account = "a", StartUtcS = 1767225600L, StopUtcS = 1767229200L, EnergyMilliWh = 123456, FaultsSeenMask = 6, PeakTemperatureC = 40 };
            var space = new SpaceInfo { HasPosition = true, LatDegScaled = 521234567 };
            Write(w, e, record, space, 0);
            long before = AllocationWindow.Begin();
            for (int i = 0; i < Rounds; i++)
            {
                Write(w, e, record, space, i);
            }

            long allocated = AllocationWindow.End(before);
            Assert.True(w.IsComplete);
            Assert.Equal(0L, allocated);
        }

        private static void Write(JsonWriter w, PodEvent e, SessionRecord record, SpaceInfo space, int i)
        {
            w.Reset();
            EventJson.WriteAlarm(w, e, "P-017", "P-017-", "S-1", i, 1795269787250L + i);
            w.Reset();
            SessionJson.Write(w, record, "P-017", "S-1", 3);
            w.Reset();
            CommandResultJson.Write(w, "c-1", CommandResultCode.ReservedForOther, i);
            w.Reset();
            CommandResultJson.WriteWithSpace(w, "c-2", space);
        }
    }
}
