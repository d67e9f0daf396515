using PodFirmware.Drivers.Config;

namespace PodFirmware.Core.Heartbeat
{
    /// <summary>Config section <c>heartbeat</c>: how the pod watches the site controller's heartbeat and what it does when the beats stop.</summary>
    /// <remarks>Read at boot; not thread-safe.</remarks>
    public sealed class HeartbeatConfig : IConfigSection
    {
        /// <summary>The <see cref="OnLost"/> value that lets a running session go on, up to <see cref="ContinueLimitMs"/>.</summary>
        public const string Continue = "continue";

        /// <summary>The <see cref="OnLost"/> value that stops a running session as soon as the controller is lost.</summary>
        public const string Stop = "stop";

        /// <summary><c>heartbeat.periodMs</c>: the controller's beat period, ms, 1000..600000. Default 10000.</summary>
        public int PeriodMs = 10000;

        /// <summary><c>heartbeat.missedBeats</c>: beats missed in a row before the controller counts as lost, 1..100. Default 3.</summary>
        public int MissedBeats = 3;

        /// <summary><c>heartbeat.onLost</c>: <c>"continue"</c> or <c>"stop"</c> the running session when the controller is lost. Default "continue".</summary>
        public string OnLost = Continue;

        /// <summary><c>heartbeat.continueLimitMs</c>: with <c>onLost</c> "continue", how long a session may go on after the loss, ms, 0..86400000. Default 1800000 (30 min).</summary>
        public int ContinueLimitMs = 1800000;

        /// <summary><c>heartbeat.timeSource</c>: set the pod's UTC from the heartbeat's <c>t</c> when no better source (SNTP) has set it. Default true.</summary>
        public bool TimeSource = true;

        /// <summary>
        /// <c>heartbeat.podPeriodMs</c>: how often the pod publishes its own heartbeat (breath frame) on
        /// <c>site/{siteId}/heartbeat/pods</c>, ms, 1000..600000, or 0 for none. Default 5000.
        /// </summary>
        public int PodPeriodMs = 5000;

        /// <summary>Silence after which the controller counts as lost: <see cref="MissedBeats"/> × <see cref="PeriodMs"/>, ms.</summary>
        public long LostAfterMs
        {
            get { return (long)MissedBeats * PeriodMs; }
        }

        /// <summary><c>true</c> when <see cref="OnLost"/> is <see cref="Stop"/>.</summary>
        public bool StopOnLost
        {
            get { return OnLost == Stop; }
        }

        /// <summary>Checks every key; problems go to <paramref name="errors"/> named <c>keyPrefix.key</c>.</summary>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            errors.Range(keyPrefix + ".periodMs", PeriodMs, 1000, 600000, "ms");
            errors.Range(keyPrefix + ".missedBeats", MissedBeats, 1, 100, "");
            if (OnLost != Continue && OnLost != Stop)
            {
                errors.Fail(keyPrefix + ".onLost", "must be \"continue\" or \"stop\"");
            }

            errors.Range(keyPrefix + ".continueLimitMs", ContinueLimitMs, 0, 86400000, "ms");
            if (PodPeriodMs != 0)
            {
                errors.Range(keyPrefix + ".podPeriodMs", PodPeriodMs, 1000, 600000, "ms");
            }
        }
    }
}
