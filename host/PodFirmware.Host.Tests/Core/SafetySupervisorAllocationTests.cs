using System;
using PodFirmware.Core.Events;
using PodFirmware.Core.Safety;
using PodFirmware.Drivers.Sensors;
using Xunit;
using Xunit.Abstractions;
using PodFirmware.Host.Tests.Support;

namespace PodFirmware.Host.Tests.Core
{
    /// <summary>The control tick must not allocate: the nanoFramework GC stops the world.</summary>
    [Collection(AllocationMeasurement.Name)]
    public class SafetySupervisorAllocationTests
    {
        private const int Calls = 10_000;
        private const int CycleTicks = 3000;
        private readonly ITestOutputHelper _output;

        public SafetySupervisorAllocationTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private sealed class Counts
        {
            public int Alarms;
            public int FireRisks;
            public int AllClears;
            public int Cleared;
            public int Resets;
            public int PermittedWhileLatched;
        }

        // One 300 s cycle per 3000 ticks of 100 ms: charging at 25 degC, 72 degC until the trip, a fast rise
        // (fire_risk), cooling to 30 degC (all_clear after 60 s), an authorised reset, charging again.
        private static void Run(SafetySupervisor supervisor, SafetyInputs inputs, EventRing ring, PodEvent taken, int calls, Counts counts)
        {
            for (int i = 0; i < calls; i++)
            {
                int phase = i % CycleTicks;
                inputs.NowMs = i * 100L;
                inputs.TemperatureC = phase < 100 ? 25.0 : phase < 200 ? 72.0 : phase < 300 ? 72.0 + 0.25 * (phase - 200) : 30.0;
                inputs.CurrentA = phase < 100 || phase > 1300 ? 10.0 : 0.0;
                inputs.RelayCommandedClosed = supervisor.RelayPermitted;
                if (phase == 1300 && supervisor.TryReset(inputs) == ResetResult.Accepted)
                {
                    counts.Resets++;
                }

                bool permitted = supervisor.Evaluate(inputs);
                if (permitted && supervisor.IsLatched)
                {
                    counts.PermittedWhileLatched++;
                }

                while (ring.TryTake(taken))
                {
                    switch (taken.Kind)
                    {
                        case EventKind.Alarm: counts.Alarms++; break;
                        case EventKind.FireRisk: counts.FireRisks++; break;
                        case EventKind.AllClear: counts.AllClears++; break;
                        case EventKind.FaultCleared: counts.Cleared++; break;
                    }
                }
            }
        }

        private static SafetyInputs NewInputs()
        {
            return new SafetyInputs
            {
                TemperatureStatus = SensorStatus.Ok,
                CurrentStatus = SensorStatus.Ok,
                VoltageV = 230.0,
                VoltageStatus = SensorStatus.Ok,
                AllowedCurrentA = 16.0,
                SpaceNumber = 3,
            };
        }

        [Fact]
        public void Evaluate_allocates_nothing_over_10000_calls_including_trips_escalation_and_resets()
        {
            // Warm-up on a separate supervisor: JIT, static constructors, first-use paths.
            var warmRing = new EventRing(32, 8);
            Run(new SafetySupervisor(new SafetyConfig(), new PreallocatedBlobStore(), warmRing), NewInputs(), warmRing, new PodEvent(), CycleTicks, new Counts());

            var store = new PreallocatedBlobStore();
            var ring = new EventRing(32, 8);
            var supervisor = new SafetySupervisor(new SafetyConfig(), store, ring);
            SafetyInputs inputs = NewInputs();
            var taken = new PodEvent();
            var counts = new Counts();

            long before = AllocationWindow.Begin();
            Run(supervisor, inputs, ring, taken, Calls, counts);
            long allocated = AllocationWindow.End(before);

            _output.WriteLine($"allocated {allocated} bytes over {Calls} Evaluate calls; alarms {counts.Alarms}, fire_risk {counts.FireRisks}, all_clear {counts.AllClears}, fault_cleared {counts.Cleared}, latch writes {store.Writes}, deletes {store.Deletes}");
            Assert.Equal(0L, allocated);
            Assert.Equal(4, counts.Alarms);
            Assert.Equal(4, counts.FireRisks);
            Assert.Equal(4, counts.AllClears);
            Assert.Equal(3, counts.Resets);
            Assert.Equal(3, counts.Cleared);
            Assert.Equal(4, store.Writes);
            Assert.Equal(0, counts.PermittedWhileLatched);
        }
    }
}
