using Xunit;
using Xunit.Abstractions;

namespace PodFirmware.Host.Tests.Core.Site
{
    /// <summary>
    /// The figures of docs/site-power.md: a site of 100 and of 1,000 simulated pods, every one charging, takes a step down
    /// and back up in capacity from the controller's heartbeat; how long until the sum of offers is under the new capacity
    /// and every share has settled, and the load messages per second it costs. Also checks the convergence is within one
    /// heartbeat plus one tick. Run: dotnet test host/PodFirmware.Host.Tests/PodFirmware.Host.Tests.csproj -c Release
    /// --no-build --filter SiteConvergenceFigures --logger "console;verbosity=detailed"
    /// </summary>
    public class SiteConvergenceFigures
    {
        private readonly ITestOutputHelper _output;

        /// <summary>xunit hands in the output sink for the figures.</summary>
        public SiteConvergenceFigures(ITestOutputHelper output)
        {
            _output = output;
        }

        [Theory]
        [InlineData(100)]
        [InlineData(1000)]
        public void A_site_converges_after_a_capacity_step(int pods)
        {
            const int periodMs = 5000;
            int highDa = pods * 100; // 10 A a pod
            var sim = new SiteSimulation(highDa, periodMs, pods + 8, 900000);
            for (int i = 0; i < pods; i++)
            {
                sim.Join(320);
            }

            for (int t = 0; t < 40; t++)
            {
                sim.Tick();
            }

            foreach (var p in sim.Pods)
            {
                Assert.True(p.TryStart(), p.Id + " could not start");
            }

            for (int t = 0; t < 120; t++)
            {
                sim.Tick();
            }

            Assert.True(sim.OfferedSumDa() <= highDa);
            long messagesBefore = sim.Messages;
            long quietFrom = sim.NowMs;
            for (int t = 0; t < 80; t++)
            {
                sim.Tick();
            }

            double steadyPerS = (sim.Messages - messagesBefore) * 1000.0 / (sim.NowMs - quietFrom);
            long down = Step(sim, highDa * 6 / 10, out long downSettled, out double downPerS);
            long up = Step(sim, highDa, out long upSettled, out double upPerS);
            _output.WriteLine($"{pods} pods, period {periodMs} ms, tick {SiteSimulation.TickMs} ms, heartbeat {SiteSimulation.HeartbeatMs} ms: " +
                $"steady {steadyPerS:F1} msg/s; step to 60 %: under capacity after {down} ms, settled after {downSettled} ms, {downPerS:F1} msg/s over 10 s; " +
                $"step back to 100 %: settled after {upSettled} ms, {upPerS:F1} msg/s over 10 s");
            Assert.True(down <= SiteSimulation.HeartbeatMs + SiteSimulation.TickMs, "too slow: " + down + " ms");
        }

        // Announces the capacity; returns ms until the sum fits, and (out) until no offer changes any more.
        private static long Step(SiteSimulation sim, int capacityDa, out long settledMs, out double perS)
        {
            long from = sim.NowMs;
            long messages = sim.Messages;
            sim.SetCapacity(capacityDa);
            long underMs = -1;
            settledMs = -1;
            int[] last = new int[sim.Pods.Count];
            for (int t = 0; t < 40; t++)
            {
                sim.Tick();
                if (underMs < 0 && sim.OfferedSumDa() <= capacityDa)
                {
                    underMs = sim.NowMs - from;
                }

                bool changed = false;
                for (int i = 0; i < last.Length; i++)
                {
                    changed |= last[i] != sim.Pods[i].OfferDa;
                    last[i] = sim.Pods[i].OfferDa;
                }

                if (changed)
                {
                    settledMs = sim.NowMs - from;
                }
            }

            perS = (sim.Messages - messages) * 1000.0 / (sim.NowMs - from);
            return underMs;
        }
    }
}
