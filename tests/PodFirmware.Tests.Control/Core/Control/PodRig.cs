using System;
using PodFirmware.Core.Boot;
using PodFirmware.Core.Config;
using PodFirmware.Core.Control;
using PodFirmware.Core.Commands;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Simulated;
using PodFirmware.Tests.Core.Commands;

namespace PodFirmware.Tests.Core.Control
{
    /// <summary>
    /// A whole <see cref="PodController"/> over simulated twins in virtual time, built by the board's
    /// <see cref="PodAssembly"/>, for the loop tests. The dock sense is a <see cref="ScriptedInput"/>: reading it can
    /// take virtual time (a slow tick) or throw (a failing adapter).
    /// </summary>
    public sealed class PodRig
    {
        /// <summary>A digital input the tick reads once per tick; counts the reads.</summary>
        public sealed class ScriptedInput : IDigitalInput
        {
            private readonly VirtualClock _clock;

            public ScriptedInput(VirtualClock clock)
            {
                _clock = clock;
            }

            public bool Value = true;
            public long TakesMs;
            public bool Throws;
            public int Reads;
            public long LastReadAtMs = -1;

            public bool Read()
            {
                Reads++;
                LastReadAtMs = _clock.MonotonicMs;
                if (Throws)
                {
                    throw new InvalidOperationException("dock sense adapter failed");
                }

                _clock.AdvanceMs(TakesMs);
                return Value;
            }
        }

        public readonly VirtualClock Clock = new VirtualClock();
        public readonly VirtualPause Pause;
        public readonly PodConfig Config = new PodConfig();
        public readonly SimulatedRelay Relay;
        public readonly SimulatedLock WheelLock;
        public readonly SimulatedLock CableLock;
        public readonly ScriptedInput Dock;
        public readonly MemoryBlobStore Store;
        public readonly PodController Controller;
        public readonly SafeOutputs Safe;

        public PodRig()
        {
            Pause = new VirtualPause(Clock);
            Config.PodId = SignedCommands.Pod;
            Config.SiteId = "S-1";
            Config.ParkingSpace = 3;
            Config.Commands.KeyHex = Hex.ToLowerString(SignedCommands.Key());
            var twins = new TwinPorts(Config, Clock);
            Relay = twins.Relay;
            WheelLock = twins.Wheel;
            CableLock = twins.Cable;
            Store = twins.Store;
            Dock = new ScriptedInput(Clock);
            PodPorts ports = twins.Ports;
            ports.DockSense = Dock;
            Controller = PodAssembly.CreateController(Config, Clock, ports);
            Safe = new SafeOutputs(Relay, new IDigitalOutput[] { WheelLock, CableLock });
        }

        /// <summary>A tick loop over this pod at <paramref name="tickPeriodMs"/>, paused in virtual time.</summary>
        public ControlLoopCore Loop(int tickPeriodMs)
        {
            return new ControlLoopCore(Controller, Clock, Pause, Safe, null, tickPeriodMs);
        }
    }
}
