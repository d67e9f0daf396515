using System;
using System.Linq;
using PodFirmware.Core.Messaging;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Simulated;
using Xunit;

namespace PodFirmware.Host.Tests.Mqtt
{
    /// <summary>
    /// The replay horizon survives a restart of the pod (as two <c>./pod run</c> with the same <c>--data</c>): a signed
    /// envelope accepted before the restart is refused <c>replayed</c> after it, over a real mosquitto, while a fresh one
    /// is accepted.
    /// </summary>
    public sealed class ReplayAcrossRestartBrokerTests : IDisposable
    {
        private readonly LivePodRig _rig = new LivePodRig();

        private Topics Topics => _rig.Pod.Topics;

        public void Dispose() => _rig.Dispose();

        /// <summary>A clock that does not advance (LivePod advances only a <see cref="VirtualClock"/> itself).</summary>
        private sealed class StoppedClock : IClock
        {
            private readonly VirtualClock _at;

            public StoppedClock(VirtualClock at) => _at = at;

            public long MonotonicMs => _at.MonotonicMs;

            public DateTime UtcNow => _at.UtcNow;

            public bool IsUtcValid => _at.IsUtcValid;
        }

        [Fact]
        public void A_command_accepted_before_a_restart_is_refused_as_replayed_after_it_and_a_fresh_one_is_accepted()
        {
            BackEndClient backEnd = _rig.Client(Topics.CommandResult);
            _rig.StartPod(backEnd);
            (byte[] envelope, string id) = _rig.Pod.Pod.SignCommand("{\"type\":\"get_status\",\"id\":\"before-restart\"}");
            backEnd.Publish(Topics.Command, envelope);
            Assert.Equal("ok", (string)_rig.AwaitResult(backEnd, id)["code"]);

            // The reboot takes 5 s of UTC. The restarted pod's clock stands still, so however long the broker takes, the
            // envelope's ts stays inside the 120 s window and only the replay horizon can refuse it.
            var clock = new VirtualClock();
            clock.SetUtc(_rig.Pod.Clock.UtcNow.AddSeconds(5));
            _rig.RestartPod(new StoppedClock(clock));
            backEnd.Drain();
            backEnd.Received.Clear();
            _rig.StartPod(backEnd);

            backEnd.Publish(Topics.Command, envelope);
            _rig.StepUntil(() => _rig.Results(backEnd, id).Any(r => (string)r["code"] == "replayed"), "the replayed envelope is refused", backEnd);

            string fresh = _rig.Send(backEnd, "{\"type\":\"get_status\",\"id\":\"after-restart\"}");
            Assert.Equal("ok", (string)_rig.AwaitResult(backEnd, fresh)["code"]);
            Assert.True(_rig.Pod.Pump.ReplayHorizon.HasNewestAccepted);
        }
    }
}
