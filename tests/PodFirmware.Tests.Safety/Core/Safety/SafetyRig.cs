using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Safety;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Sensors;
using PodFirmware.Drivers.Simulated;
using PodFirmware.Tests.Core.Events;

namespace PodFirmware.Tests.Core.Safety
{
    /// <summary>
    /// Test helper: a supervisor over an in-memory store and a ring, with inputs that start nominal
    /// (25 degC, 0 A, 230 V, all Ok, 16 A allowed, relay open since 0 ms without a mirror contact, no equipment fault, space 12) and a 100 ms virtual tick.
    /// </summary>
    public sealed class SafetyRig
    {
        public const long TickMs = 100;
        public const int Space = 12;

        public readonly SafetyConfig Config;
        public readonly IBlobStore Store;
        public readonly EventRing Events = new EventRing(64, 16);
        public readonly SafetyInputs Inputs = new SafetyInputs();
        public SafetySupervisor Supervisor;

        public SafetyRig()
            : this(new SafetyConfig(), new MemoryBlobStore())
        {
        }

        public SafetyRig(SafetyConfig config, IBlobStore store)
        {
            Config = config;
            Store = store;
            Nominal();
            Supervisor = new SafetySupervisor(config, store, Events);
        }

        public void Nominal()
        {
            Inputs.TemperatureC = 25.0;
            Inputs.TemperatureStatus = SensorStatus.Ok;
            Inputs.CurrentA = 0.0;
            Inputs.CurrentStatus = SensorStatus.Ok;
            Inputs.VoltageV = 230.0;
            Inputs.VoltageStatus = SensorStatus.Ok;
            Inputs.AllowedCurrentA = 16.0;
            Inputs.RelayCommandedClosed = false;
            Inputs.SpaceNumber = Space;
            Inputs.RelayFeedbackPresent = false;
            Inputs.RelayFeedbackClosed = false;
            Inputs.EquipmentFault = FaultCode.None;
            Inputs.ResidualCurrentFault = false;
        }

        /// <summary>Commands the relay as the tick would after the Evaluate at <paramref name="atMs"/>: sets the command and its change time.</summary>
        public void CommandRelay(bool closed, long atMs)
        {
            Inputs.RelayCommandedClosed = closed;
            Inputs.RelayChangedAtMs = atMs;
        }

        /// <summary>One Evaluate at <paramref name="nowMs"/>; returns RelayPermitted.</summary>
        public bool At(long nowMs)
        {
            Inputs.NowMs = nowMs;
            return Supervisor.Evaluate(Inputs);
        }

        /// <summary>Evaluates every tick from <paramref name="fromMs"/> to <paramref name="toMs"/> inclusive; returns the first time the relay was not permitted, or -1.</summary>
        public long Run(long fromMs, long toMs)
        {
            long firstRefusedMs = -1;
            for (long t = fromMs; t <= toMs; t += TickMs)
            {
                if (!At(t) && firstRefusedMs < 0)
                {
                    firstRefusedMs = t;
                }
            }

            return firstRefusedMs;
        }

        /// <summary>Holds <paramref name="temperatureC"/> from <paramref name="fromMs"/> to <paramref name="toMs"/> inclusive (see <see cref="Run"/>).</summary>
        public long HoldTemperature(double temperatureC, long fromMs, long toMs)
        {
            Inputs.TemperatureC = temperatureC;
            return Run(fromMs, toMs);
        }

        public ResetResult Reset(long nowMs)
        {
            Inputs.NowMs = nowMs;
            return Supervisor.TryReset(Inputs);
        }

        /// <summary>A new supervisor over the same store and ring, as after a reboot.</summary>
        public void Reboot()
        {
            Supervisor = new SafetySupervisor(Config, Store, Events);
        }

        public PodEvent[] Drain()
        {
            return EventDrain.All(Events);
        }
    }
}
