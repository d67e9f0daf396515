using System.Device.Adc;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Device
{
    /// <summary>
    /// <see cref="IAdcConverter"/> over one nanoFramework <see cref="AdcChannel"/>: logical channel numbers,
    /// 0 to 7 = ADC1 (12 bits, 11/12 dB attenuation as the native driver opens them). Clamping and burst
    /// timing live in the portable SampledAnalogChannel. Control tick only.
    /// </summary>
    public sealed class AdcInput : IAdcConverter
    {
        private readonly AdcChannel _channel;
        private readonly int _maxValue;

        /// <summary>Opens logical channel <paramref name="channelNumber"/> of <paramref name="controller"/>.</summary>
        /// <param name="controller">The board's ADC controller.</param>
        /// <param name="channelNumber">Logical ADC channel.</param>
        public AdcInput(AdcController controller, int channelNumber)
        {
            _maxValue = controller.MaxValue;
            _channel = controller.OpenChannel(channelNumber);
        }

        /// <summary>Full scale in counts.</summary>
        public int MaxValue { get { return _maxValue; } }

        /// <summary>One conversion, raw counts.</summary>
        /// <returns>Counts as the driver gives them.</returns>
        public int ReadValue()
        {
            return _channel.ReadValue();
        }
    }
}
