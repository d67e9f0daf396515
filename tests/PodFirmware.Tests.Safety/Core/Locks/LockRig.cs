using PodFirmware.Core.Position;
using PodFirmware.Core.Events;
using PodFirmware.Core.Locks;
using PodFirmware.Drivers.Simulated;
using PodFirmware.Tests.Core.Events;

namespace PodFirmware.Tests.Core.Locks
{
    /// <summary>
    /// Test helper: a lock controller over two simulated locks (500 ms travel) on a virtual clock, account "fleet"
    /// allowed to move, 2000 ms travel timeout, 600 s move timeout; inputs start docked, inside the fence, network up.
    /// </summary>
    public sealed class LockRig
    {
        public const string Mover = "fleet";
        public const long TickMs = 100;

        public readonly VirtualClock Clock = new VirtualClock();
        public readonly SimulatedLock WheelLock;
        public readonly SimulatedLock CableLock;
        public readonly EventRing Events = new EventRing(128, 16);
        public readonly LockInputs Inputs = new LockInputs();
        public readonly LockController Controller;

        public LockRig()
        {
            var config = new LocksConfig();
            config.MoveAccounts = new string[] { "ops", Mover };
            WheelLock = new SimulatedLock(Clock);
            CableLock = new SimulatedLock(Clock);
            Inputs.Docked = true;
            Inputs.Fence = FencePosition.Inside;
            Inputs.NetworkUp = true;
            Controller = new LockController(config, WheelLock, WheelLock.Sense, CableLock, CableLock.Sense, Events, 0);
        }

        public long NowMs
        {
            get { return Clock.MonotonicMs; }
        }

        /// <summary>Advances the clock tick by tick by <paramref name="deltaMs"/>, calling Update at each tick.</summary>
        public void Run(long deltaMs)
        {
            long end = Clock.MonotonicMs + deltaMs;
            while (Clock.MonotonicMs < end)
            {
                Clock.AdvanceMs(TickMs);
                Tick();
            }
        }

        public void Tick()
        {
            Inputs.NowMs = Clock.MonotonicMs;
            Controller.Update(Inputs);
        }

        /// <summary>Locks settled after start-up, events drained.</summary>
        public static LockRig Settled()
        {
            var rig = new LockRig();
            rig.Run(1000);
            rig.Drain();
            return rig;
        }

        /// <summary>Settled, then unlocked by <see cref="Mover"/> and given time to open; events drained.</summary>
        public static LockRig Moving()
        {
            LockRig rig = Settled();
            rig.Controller.RequestUnlock(Mover, rig.NowMs, false, false);
            rig.Run(1000);
            rig.Drain();
            return rig;
        }

        public PodEvent[] Drain()
        {
            return EventDrain.All(Events);
        }
    }
}
