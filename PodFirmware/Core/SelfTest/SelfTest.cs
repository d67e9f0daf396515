using PodFirmware.Core.Faults;
using PodFirmware.Core.Locks;
using PodFirmware.Drivers.Sensors;

namespace PodFirmware.Core.SelfTest
{
    /// <summary>
    /// The check the pod runs before a session may start (README.md in this folder lists the checks and remedies).
    /// <see cref="Run"/> is pure: it judges a snapshot and remembers only which check failed.
    /// </summary>
    /// <remarks>
    /// <para>A lock still travelling (Locking or Unlocking) fails its check: the controller runs the self-test only
    /// when no lock is travelling, so one that is must be stuck in between.</para>
    /// <para>Current and voltage fail only on Open, Short or NotFinite (a chain that gives no number). Stuck passes: with the relay open an idle current reading
    /// is legitimately flat, and the supervisor judges a stuck channel once power flows.</para>
    /// <para>Allocates nothing. Not thread-safe: owned by the control tick.</para>
    /// </remarks>
    public sealed class SelfTest
    {
        private SelfTestCheck _failedCheck;

        /// <summary>The first check the last <see cref="Run"/> failed; <see cref="SelfTestCheck.None"/> when it passed or has not run.</summary>
        public SelfTestCheck FailedCheck
        {
            get { return _failedCheck; }
        }

        /// <summary>
        /// Runs every check in <see cref="SelfTestCheck"/> order; returns <see cref="FaultCode.SelfTestFailed"/> with
        /// <see cref="FailedCheck"/> naming the first that failed, or <see cref="FaultCode.None"/>. Allocates nothing.
        /// </summary>
        public FaultCode Run(SelfTestInputs inputs)
        {
            _failedCheck = FirstFailure(inputs);
            return _failedCheck == SelfTestCheck.None ? FaultCode.None : FaultCode.SelfTestFailed;
        }

        private static SelfTestCheck FirstFailure(SelfTestInputs inputs)
        {
            if (!inputs.RelayCommandedClosed && inputs.RelayFeedbackPresent && inputs.RelayFeedbackClosed)
            {
                return SelfTestCheck.RelayFeedback;
            }

            if (!LockAgrees(inputs.WheelState, inputs.WheelCommandedLocked, inputs.WheelSenseLocked))
            {
                return SelfTestCheck.WheelLock;
            }

            if (!LockAgrees(inputs.CableState, inputs.CableCommandedLocked, inputs.CableSenseLocked))
            {
                return SelfTestCheck.CableLock;
            }

            if (inputs.TemperatureStatus != SensorStatus.Ok)
            {
                return SelfTestCheck.TemperatureSensor;
            }

            if (IsBroken(inputs.CurrentStatus))
            {
                return SelfTestCheck.CurrentSensor;
            }

            return IsBroken(inputs.VoltageStatus) ? SelfTestCheck.VoltageSensor : SelfTestCheck.None;
        }

        private static bool LockAgrees(LockState state, bool commandedLocked, bool senseLocked)
        {
            bool settled = state == LockState.Locked || state == LockState.Unlocked;
            return settled && senseLocked == commandedLocked;
        }

        private static bool IsBroken(SensorStatus status)
        {
            return status == SensorStatus.Open || status == SensorStatus.Short || status == SensorStatus.NotFinite;
        }
    }
}
