using System.Device.Pwm;
using nanoFramework.Hardware.Esp32;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Device
{
    /// <summary>
    /// <see cref="IPwmOutput"/> over one nanoFramework <see cref="PwmChannel"/> (ESP32 LEDC) at 1 kHz, active high: duty
    /// 0 holds the pin low (the ±12 V stage's -12 V, state F), 1000 high (constant +12 V), in between the PWM.
    /// The duty rules live in the portable PilotSequencer. Control tick only.
    /// </summary>
    public sealed class PwmPilotOutput : IPwmOutput
    {
        private readonly PwmChannel _channel;

        /// <summary>Routes GPIO <paramref name="pinNumber"/> to the LEDC and starts it at duty 0 (pin low).</summary>
        /// <param name="pinNumber">ESP32 GPIO number.</param>
        public PwmPilotOutput(int pinNumber)
        {
            Configuration.SetPinFunction(pinNumber, DeviceFunction.PWM1);
            _channel = PwmChannel.CreateFromPin(pinNumber, 1000, 0.0);
            _channel.Start();
        }

        /// <summary>The last duty written, per mille; 0 before the first write.</summary>
        public int DutyPermille { get; private set; }

        /// <summary>Sets the duty, per mille (high time in µs per 1 ms period), clamped to 0..1000.</summary>
        /// <param name="permille">0 constant low, 1000 constant high.</param>
        public void WriteDutyPermille(int permille)
        {
            DutyPermille = permille < 0 ? 0 : (permille > 1000 ? 1000 : permille);
            _channel.DutyCycle = DutyPermille / 1000.0;
        }
    }
}
