using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Events;
using PodFirmware.Core.Session;
using PodFirmware.Drivers.Numerics;
using PodFirmware.Tests.Core.Events;

namespace PodFirmware.Tests.Core.Session
{
    /// <summary>A <see cref="ChargingSession"/> rated 32 A in virtual time, with inputs of a docked, plugged pod at 230 V drawing 16 A once the relay closes.</summary>
    public sealed class SessionRig
    {
        /// <summary>Rated current of the rig's pod, A.</summary>
        public const double RatedA = 32.0;

        /// <summary>The ring the session writes to (large enough for a long test).</summary>
        public readonly EventRing Events = new EventRing(256, 0);

        /// <summary>The session under test.</summary>
        public readonly ChargingSession Session;

        /// <summary>The inputs handed to every call; change fields then call <see cref="Tick"/>.</summary>
        public readonly SessionInputs In = new SessionInputs();

        /// <summary>The settings the session was built with.</summary>
        public readonly SessionConfig Config;

        /// <summary>Whether <see cref="Tick"/> closes the relay when the session wants power (as the controller would).</summary>
        public bool FollowRelay = true;

        /// <summary>Builds the rig with the default config.</summary>
        public SessionRig()
            : this(new SessionConfig())
        {
        }

        /// <summary>Builds the rig with <paramref name="config"/> and runs one tick at t = 1000 ms.</summary>
        public SessionRig(SessionConfig config)
        {
            Config = config;
            Session = new ChargingSession(config, RatedA, Events);
            In.NowMs = 1000;
            In.UtcValid = true;
            In.UtcS = 1767225600;
            In.Docked = true;
            In.Plugged = true;
            In.VoltageV = 230.0;
            In.VoltageUsable = true;
            In.CurrentA = 16.0;
            In.CurrentUsable = true;
            In.TemperatureC = 25.0;
            In.TemperatureUsable = true;
            In.SpaceNumber = 7;
            Session.Update(In);
        }

        /// <summary>A verified start command for <paramref name="account"/> with id <paramref name="id"/> and no limits.</summary>
        public static Command StartCommand(string id, string account)
        {
            var cmd = new Command();
            cmd.Type = CommandType.Start;
            cmd.Id = id;
            cmd.Account = account;
            return cmd;
        }

        /// <summary>Starts a session "s-1" for "acct-1" and asserts it was accepted.</summary>
        public void StartOk()
        {
            StartOk(StartCommand("s-1", "acct-1"));
        }

        /// <summary>Starts <paramref name="cmd"/> and asserts it was accepted; then ticks once so the relay closes.</summary>
        public void StartOk(Command cmd)
        {
            Assert.AreEqual((int)CommandResultCode.Ok, (int)Session.Start(cmd, In), "start");
            Tick(0);
        }

        /// <summary>Advances virtual time by <paramref name="ms"/>, sets the relay as the controller would for the previous tick, and updates.</summary>
        /// <summary>Power factor of the simulated load: each tick sets <c>In.PowerW = V x I x PowerFactor</c>; 0 leaves PowerW to the test.</summary>
        public double PowerFactor = 1.0;

        public void Tick(long ms)
        {
            In.NowMs += ms;
            if (Finite.Above(PowerFactor, 0))
            {
                // The meter's real power for a load at this power factor: P = V x I x PF.
                In.PowerW = In.VoltageV * In.CurrentA * PowerFactor;
            }

            if (FollowRelay)
            {
                In.RelayClosed = Session.WantsPower && !In.FaultLatched;
            }

            Session.Update(In);
        }

        /// <summary>Ticks every <paramref name="stepMs"/> for <paramref name="totalMs"/>.</summary>
        public void Run(long totalMs, long stepMs)
        {
            for (long t = 0; t < totalMs; t += stepMs)
            {
                Tick(stepMs);
            }
        }

        /// <summary>Takes every event written so far.</summary>
        public PodEvent[] Drain()
        {
            return EventDrain.All(Events);
        }

        /// <summary>Asserts the session's status.</summary>
        public void ExpectStatus(ConnectorStatus expected, string what)
        {
            Assert.AreEqual((int)expected, (int)Session.Status, what + ": expected " + ConnectorStatusNames.Of(expected) + ", was " + ConnectorStatusNames.Of(Session.Status));
        }

        /// <summary>The only Session event among <paramref name="events"/>; fails unless there is exactly one.</summary>
        public static SessionRecord OnlyRecord(PodEvent[] events)
        {
            Assert.AreEqual(1, EventDrain.CountOf(events, EventKind.Session), "exactly one session record");
            return EventDrain.FirstOf(events, EventKind.Session).Record;
        }

        /// <summary>The statuses announced by the Status events among <paramref name="events"/>, in order, as OCPP names joined by '>'.</summary>
        public static string StatusTrail(PodEvent[] events)
        {
            string trail = "";
            for (int i = 0; i < events.Length; i++)
            {
                if (events[i].Kind == EventKind.Status)
                {
                    trail = trail + (trail.Length == 0 ? "" : ">") + ConnectorStatusNames.Of((ConnectorStatus)events[i].Arg);
                }
            }

            return trail;
        }
    }
}
