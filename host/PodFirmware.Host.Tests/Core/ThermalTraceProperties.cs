using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using PodFirmware.Core.Events;
using PodFirmware.Core.Safety;
using PodFirmware.Drivers.Sensors;
using PodFirmware.Drivers.Simulated;
using Xunit;

namespace PodFirmware.Host.Tests.Core
{
    /// <summary>Random temperature traces against an independent model of the thermal rule and the latch.</summary>
    public class ThermalTraceProperties
    {
        private const long TickMs = 100;
        private const double Spike = double.MaxValue;

        // A random walk in 0.5 degC steps starting between 55 and 75 degC, hovering around the 70 degC limit and
        // the 68 degC reset level, with occasional single samples at 160 to 200 degC.
        private static Gen<double[]> Traces()
        {
            Gen<double> step = Gen.Frequency(
                (30, Gen.Choose(-2, 2).Select(s => s * 0.5)),
                (1, Gen.Constant(Spike)));
            return Gen.Choose(110, 150).SelectMany(
                start => step.ArrayOf(),
                (start, steps) =>
                {
                    var trace = new double[steps.Length];
                    double walk = start * 0.5;
                    var spikes = new System.Random(start);
                    for (int i = 0; i < steps.Length; i++)
                    {
                        if (steps[i] == Spike)
                        {
                            trace[i] = 160.0 + spikes.Next(0, 81) * 0.5;
                            continue;
                        }

                        walk += steps[i];
                        trace[i] = walk;
                    }

                    return trace;
                });
        }

        // The product rule, written out independently: above 70 strictly for strictly more than 5000 ms with no
        // sample strictly below 68 in between, or any sample at or above 160, trips; nothing else does.
        private static int ExpectedTripIndex(double[] trace)
        {
            long? aboveSinceMs = null;
            for (int i = 0; i < trace.Length; i++)
            {
                long nowMs = i * TickMs;
                if (trace[i] >= 160.0)
                {
                    return i;
                }

                if (trace[i] > 70.0)
                {
                    aboveSinceMs ??= nowMs;
                }
                else if (trace[i] < 68.0)
                {
                    aboveSinceMs = null;
                }

                if (aboveSinceMs.HasValue && nowMs - aboveSinceMs.Value > 5000)
                {
                    return i;
                }
            }

            return -1;
        }

        [Fact]
        public void The_relay_is_permitted_exactly_until_the_model_trips_and_never_again_while_latched()
        {
            Prop.ForAll(Arb.From(Traces()), trace =>
            {
                var supervisor = new SafetySupervisor(new SafetyConfig(), new MemoryBlobStore(), new EventRing(16, 4));
                var inputs = new SafetyInputs { VoltageV = 230.0, TemperatureStatus = SensorStatus.Ok, CurrentStatus = SensorStatus.Ok, VoltageStatus = SensorStatus.Ok };
                int expectedTrip = ExpectedTripIndex(trace);
                for (int i = 0; i < trace.Length; i++)
                {
                    inputs.NowMs = i * TickMs;
                    inputs.TemperatureC = trace[i];
                    bool permitted = supervisor.Evaluate(inputs);
                    bool tripped = expectedTrip >= 0 && i >= expectedTrip;
                    if (permitted == tripped || permitted == supervisor.IsLatched)
                    {
                        return false;
                    }
                }

                return true;
            }).Label("relay permitted iff the independent model has not tripped yet")
              .Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(500).WithEndSize(400));
        }

        [Fact]
        public void No_sample_at_or_above_the_ceiling_is_ever_followed_by_a_permitted_relay()
        {
            Prop.ForAll(Arb.From(Traces()), trace =>
            {
                var supervisor = new SafetySupervisor(new SafetyConfig(), new MemoryBlobStore(), new EventRing(16, 4));
                var inputs = new SafetyInputs { VoltageV = 230.0 };
                bool seenCeiling = false;
                for (int i = 0; i < trace.Length; i++)
                {
                    inputs.NowMs = i * TickMs;
                    inputs.TemperatureC = trace[i];
                    seenCeiling |= trace[i] >= 160.0;
                    if (supervisor.Evaluate(inputs) && seenCeiling)
                    {
                        return false;
                    }

                    // Reset attempts on every tick: only ones made when cool may succeed, and they must not undo a hot latch.
                    if (supervisor.TryReset(inputs) == ResetResult.Accepted)
                    {
                        if (trace[i] >= 68.0)
                        {
                            return false;
                        }

                        seenCeiling = false;
                    }
                }

                return true;
            }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(500).WithEndSize(400));
        }
    }
}
