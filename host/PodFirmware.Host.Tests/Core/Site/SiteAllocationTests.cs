using PodFirmware.Json;
using PodFirmware.Core.Site;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.Core.Site
{
    /// <summary>Steady-state site sharing allocates nothing: reading known pods' messages, writing this pod's, and every update.</summary>
    [Collection(AllocationMeasurement.Name)]
    public class SiteAllocationTests
    {
        [Fact]
        public void Reading_known_pods_writing_the_own_load_and_updating_allocate_nothing()
        {
            var config = new SiteConfig { Enabled = true, MaxPods = 64 };
            var share = new SiteShare(config, "pod-000", 30000);
            var json = new SiteLoadJson();
            var messages = new byte[40][];
            for (int i = 0; i < messages.Length; i++)
            {
                JsonWriter w = json.Write("pod-" + i.ToString("D3"), SitePodState.Active, 320, 100, 99, 2300);
                messages[i] = w.Buffer[..w.Length];
            }

            long now = 0;
            Run(share, json, messages, ref now, 50);
            long before = AllocationWindow.Begin();
            Run(share, json, messages, ref now, 2000);
            long allocated = AllocationWindow.End(before);

            Assert.Equal(0L, allocated);
            Assert.Equal(40, share.Table.Count);
            Assert.False(share.Isolated);
            Assert.True(share.ShareDa >= SiteAllocator.MinimumDa);
        }

        private static void Run(SiteShare share, SiteLoadJson json, byte[][] messages, ref long now, int rounds)
        {
            for (int r = 0; r < rounds; r++)
            {
                now += 250;
                Assert.True(json.Read(messages[r % messages.Length], messages[r % messages.Length].Length, share, now));
                Assert.True(json.Read(messages[0], messages[0].Length, share, now)); // this pod's own message back
                share.Update(now, SitePodState.Active, 320, share.ShareDa, share.ShareDa);
                json.Write("pod-000", share.OwnState, share.OwnMaxDa, share.OwnAllowedDa, share.OwnDrawDa, 0);
            }
        }
    }
}
