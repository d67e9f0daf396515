using System.Linq;
using PodFirmware.Host.Watch;
using Xunit;

namespace PodFirmware.Host.Tests.Watch
{
    /// <summary>The watcher's picture of a site, fed messages in virtual time (ms on the watcher's clock).</summary>
    public sealed class SiteWatchTests
    {
        private const string Beats = "site/site-a/heartbeat/pods";

        private static string Frame(string pod, int seq) =>
            "{\"pod\":\"" + pod + "\",\"seq\":" + seq + ",\"uptimeMs\":60000,\"t\":1767225660,\"connector\":\"Charging\",\"latched\":false}";

        private static SiteWatch Watching(string pod)
        {
            var watch = new SiteWatch("site-a", 15000);
            watch.Receive("pods/" + pod + "/status", "{\"pod\":\"" + pod + "\",\"site\":\"site-a\",\"space\":17,\"connector\":\"Charging\"}", 0);
            watch.Receive("pods/" + pod + "/availability", "online", 0);
            return watch;
        }

        [Fact]
        public void Subscribes_the_pods_heartbeat_frames_of_its_own_site()
        {
            Assert.Contains(Beats, new SiteWatch("site-a").Topics);
        }

        [Fact]
        public void A_pod_whose_frames_stop_is_flagged_silent_once_and_a_new_frame_clears_it()
        {
            SiteWatch watch = Watching("pod-017");
            Assert.Contains("beat ok", watch.Receive(Beats, Frame("pod-017", 1), 1000));
            Assert.Null(watch.Receive(Beats, Frame("pod-017", 2), 6000));

            Assert.Empty(watch.Tick(21000));
            string silent = Assert.Single(watch.Tick(21001));
            Assert.StartsWith("pod-017", silent);
            Assert.Contains("beat silent", silent);
            Assert.Empty(watch.Tick(40000));
            Assert.Equal(2, watch.Pods.Single().Severity);

            Assert.Contains("beat ok", watch.Receive(Beats, Frame("pod-017", 0), 42000));
            Assert.Equal(3, watch.Pods.Single().Severity);
        }

        [Fact]
        public void A_pod_that_never_sent_a_frame_is_shown_without_a_beat_and_never_flagged()
        {
            SiteWatch watch = Watching("pod-018");
            Assert.Empty(watch.Tick(600000));
            WatchedPod pod = watch.Pods.Single();
            Assert.Equal("-", pod.Beat);
            Assert.Contains("beat -", SiteWatch.Line(pod, 600000));
        }

        [Fact]
        public void A_frame_alone_puts_a_pod_on_the_site_and_one_naming_a_pod_of_another_site_is_ignored()
        {
            var watch = new SiteWatch("site-a");
            watch.Receive("pods/pod-099/status", "{\"pod\":\"pod-099\",\"site\":\"site-b\",\"space\":99}", 0);
            Assert.Null(watch.Receive(Beats, Frame("pod-099", 1), 10));
            Assert.NotNull(watch.Receive(Beats, Frame("pod-019", 1), 10));
            Assert.Equal(new[] { "pod-019" }, watch.Pods.Select(p => p.Pod));
            Assert.Null(watch.Receive(Beats, "not json", 20));
        }
    }
}
