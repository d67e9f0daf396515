using System.Threading;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Events;
using PodFirmware.Core.Site;
using PodFirmware.Host.Simulation;
using Xunit;

namespace PodFirmware.Host.Tests.Core.Control
{
    /// <summary>The site's share inside the controller: a start refused for site load, and the share as one more cap on the offer.</summary>
    public class SiteShareControllerTests
    {
        private const string Site = "\"heartbeat\":{\"onLost\":\"continue\"},\"site\":{\"enabled\":true,\"capacityA\":100,\"periodMs\":5000}";

        private static CommandResultCode StartResult(PodSafetyHarness harness)
        {
            CommandIntake start = harness.SendJson("{\"type\":\"start\",\"account\":\"driver-1\"}", new PodStep(PodStepKind.Start, 0, 0));
            harness.Pod.Tick();
            var e = new PodEvent();
            CommandResultCode result = CommandResultCode.NotSupported;
            while (harness.Pod.Events.TryTake(e))
            {
                if (e.Kind == EventKind.CommandResult && e.Text == start.Id)
                {
                    result = (CommandResultCode)e.Arg;
                }
            }

            return result;
        }

        private static void Hear(PodSafetyHarness harness, string podId, SitePodState state, int maxDa)
        {
            SiteShare share = harness.Pod.Controller.Site;
            Monitor.Enter(share);
            try
            {
                share.OnLoad(podId, state, maxDa, 0, 0, harness.Clock.MonotonicMs);
            }
            finally
            {
                Monitor.Exit(share);
            }
        }

        [Fact]
        public void A_pod_that_does_not_see_the_site_refuses_a_start_with_site_full()
        {
            var harness = new PodSafetyHarness(Site);
            harness.Pod.Plug.Value = true;
            harness.Ticks(10);
            Assert.Equal(CommandResultCode.SiteFull, StartResult(harness));
            Assert.False(harness.Pod.Relay.IsEnergised);
        }

        [Fact]
        public void The_share_caps_the_offer_and_the_status_shows_it()
        {
            var harness = new PodSafetyHarness(Site);
            harness.Pod.Plug.Value = true;
            harness.Pod.DemandA = 32;
            for (int i = 0; i < 40; i++)
            {
                Hear(harness, "pod-017", SitePodState.Idle, 320);
                Hear(harness, "pod-900", SitePodState.Active, 320);
                harness.Ticks(5);
            }

            Assert.Equal(CommandResultCode.Ok, StartResult(harness));
            for (int i = 0; i < 20; i++)
            {
                Hear(harness, "pod-017", harness.Pod.Controller.Site.OwnState, 320);
                Hear(harness, "pod-900", SitePodState.Active, 320);
                harness.Ticks(5);
            }

            // 64 A asked of 100 A is above 50 %: half power, 16 A each.
            Assert.Equal(16.0, harness.Pod.Controller.Status.SiteShareA, 3);
            Assert.True(harness.Pod.Controller.Status.OfferedCurrentA <= 16.0 + 1e-9, "offered " + harness.Pod.Controller.Status.OfferedCurrentA);
            Assert.True(harness.Pod.Relay.IsEnergised, "charging at the share");
        }
    }
}
