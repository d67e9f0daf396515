using System;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Core.Control
{
    /// <summary>
    /// The safe state of the pod's outputs, written when nothing else can be trusted (a tick failed, boot
    /// failed, no valid config): the charging relay open, the lock actuators de-energised, which engages
    /// the spring-applied locks, and the control pilot (when fitted) at duty 0, -12 V, state F, so a pod left
    /// in this state has no power on the connector, tells the EV it is unavailable, and cannot be left released
    /// with nothing to relock it.
    /// </summary>
    /// <remarks>
    /// Each output is written on its own: an output that throws does not keep the next one from being
    /// written. Thread-safety: call from the one thread that owns the outputs at that moment (boot, then
    /// the tick thread). Allocates nothing.
    /// </remarks>
    public sealed class SafeOutputs
    {
        /// <summary>Pause between two rewrites of the safe state while holding it, in milliseconds.</summary>
        public const int HoldPeriodMs = 1000;

        private readonly IDigitalOutput _relay;
        private readonly IDigitalOutput[] _locks;
        private int _failedWrites;

        /// <summary>The outputs to hold off.</summary>
        /// <param name="relay">The charging relay; null while it has not been opened (its pin is then a high-impedance input and the board's pull-down holds the driver off).</param>
        /// <param name="locks">The lock actuators; null or empty when not opened yet. Null entries are skipped.</param>
        public SafeOutputs(IDigitalOutput relay, IDigitalOutput[] locks)
        {
            _relay = relay;
            _locks = locks == null ? new IDigitalOutput[0] : locks;
        }

        /// <summary>
        /// The control pilot generator, driven to duty 0 (state F) by <see cref="Apply"/>; null without a pilot or
        /// until it is opened. Set once at boot, before the tick starts.
        /// </summary>
        public IPwmOutput Pilot { get; set; }

        /// <summary>Writes of the safe state that threw, since construction (each is swallowed). Any thread.</summary>
        public int FailedWrites
        {
            get { return _failedWrites; }
        }

        /// <summary>Opens the relay, then de-energises every lock actuator; never throws.</summary>
        public void Apply()
        {
            WriteOff(_relay);

            for (int i = 0; i < _locks.Length; i++)
            {
                WriteOff(_locks[i]);
            }

            IPwmOutput pilot = Pilot;
            if (pilot != null)
            {
                try
                {
                    pilot.WriteDutyPermille(0);
                }
                catch (Exception)
                {
                    // the relay is already open: the EV then sees the last duty with no power behind it
                    _failedWrites++;
                }
            }
        }

        /// <summary>
        /// Holds the safe state for good: <see cref="Apply"/>, then a pause of <see cref="HoldPeriodMs"/>, forever.
        /// Returns only if <paramref name="pause"/> throws.
        /// </summary>
        /// <param name="pause">How the calling thread waits between two rewrites.</param>
        /// <exception cref="ArgumentNullException"><paramref name="pause"/> is null.</exception>
        public void HoldForever(IThreadPause pause)
        {
            if (pause == null)
            {
                throw new ArgumentNullException("pause");
            }

            while (true)
            {
                Apply();
                pause.Pause(HoldPeriodMs);
            }
        }

        private void WriteOff(IDigitalOutput output)
        {
            if (output == null)
            {
                return;
            }

            try
            {
                output.Write(false);
            }
            catch (Exception)
            {
                // nothing left to try for this output: the driver's pull-down holds it off if the pin floats
                _failedWrites++;
            }
        }
    }
}
