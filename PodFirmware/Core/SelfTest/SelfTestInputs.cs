using PodFirmware.Core.Locks;
using PodFirmware.Drivers.Sensors;

namespace PodFirmware.Core.SelfTest
{
    /// <summary>
    /// What <see cref="SelfTest.Run"/> judges: a snapshot of the relay, the locks and the sensor statuses. The tick owns
    /// one instance, allocated at start-up, and fills it before each run.
    /// </summary>
    /// <remarks>Not thread-safe: written and read on the control tick only.</remarks>
    public sealed class SelfTestInputs
    {
        /// <summary><c>true</c> while the relay coil is commanded closed; the relay check runs only while it is open.</summary>
        public bool RelayCommandedClosed;

        /// <summary><c>true</c> when the board has a relay mirror contact.</summary>
        public bool RelayFeedbackPresent;

        /// <summary>The mirror contact reads the contacts closed; ignored unless <see cref="RelayFeedbackPresent"/>.</summary>
        public bool RelayFeedbackClosed;

        /// <summary>State of the wheel lock.</summary>
        public LockState WheelState;

        /// <summary>The wheel lock is commanded locked.</summary>
        public bool WheelCommandedLocked;

        /// <summary>The wheel lock sense reads the locked position.</summary>
        public bool WheelSenseLocked;

        /// <summary>State of the cable lock.</summary>
        public LockState CableState;

        /// <summary>The cable lock is commanded locked.</summary>
        public bool CableCommandedLocked;

        /// <summary>The cable lock sense reads the locked position.</summary>
        public bool CableSenseLocked;

        /// <summary>Health of the connector temperature channel.</summary>
        public SensorStatus TemperatureStatus;

        /// <summary>Health of the current channel.</summary>
        public SensorStatus CurrentStatus;

        /// <summary>Health of the voltage channel.</summary>
        public SensorStatus VoltageStatus;

        /// <summary>Copies the state of both locks of <paramref name="locks"/> into the lock fields. Allocates nothing.</summary>
        public void CopyLocks(LockController locks)
        {
            WheelState = locks.Wheel.State;
            WheelCommandedLocked = locks.Wheel.CommandedLocked;
            WheelSenseLocked = locks.Wheel.SenseLocked;
            CableState = locks.Cable.State;
            CableCommandedLocked = locks.Cable.CommandedLocked;
            CableSenseLocked = locks.Cable.SenseLocked;
        }
    }
}
