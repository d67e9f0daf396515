using FsCheck;
using FsCheck.Fluent;
using PodFirmware.Drivers.Sensors;
using Xunit;

namespace PodFirmware.Host.Tests.Drivers
{
    /// <summary>
    /// Property: for any temperature from -30 to 200 °C, either model and either divider position,
    /// the simulated reading (rounded to whole counts) converts back to a temperature no further from
    /// the true one than the quantisation allows: the true temperature lies between the temperatures
    /// of the two half-count boundaries around the reading. The default 103AT-2 divider reads Ok over
    /// the whole range; the hotter generic Steinhart-Hart part leaves it (rail margin) near 197 °C.
    /// </summary>
    public class NtcRoundTripPropertyTests
    {
        private static NtcConverter Converter(bool highSide, bool steinhartHart)
        {
            var config = new TemperatureSensorConfig();
            config.NtcPosition = highSide ? TemperatureSensorConfig.HighSide : TemperatureSensorConfig.LowSide;
            if (steinhartHart)
            {
                config.Model = TemperatureSensorConfig.SteinhartHart;
                config.SteinhartA = 1.009249522e-3;
                config.SteinhartB = 2.378405444e-4;
                config.SteinhartC = 2.019202697e-7;
            }

            return new NtcConverter(config);
        }

        private static readonly NtcConverter[] Converters =
        {
            Converter(false, false), Converter(true, false), Converter(false, true), Converter(true, true),
        };

        [Fact]
        public void Temperature_to_counts_and_back_stays_within_the_quantisation_error()
        {
            Gen<(int, int)> cases = Gen.Zip(Gen.Choose(-3000, 20000), Gen.Choose(0, Converters.Length - 1));

            Prop.ForAll(Arb.From(cases), c =>
            {
                double temperatureC = c.Item1 / 100.0;
                NtcConverter converter = Converters[c.Item2];
                int counts = (int)System.Math.Floor(converter.CountsFromTemperatureC(temperatureC) + 0.5);
                if (converter.Classify(counts) != SensorStatus.Ok)
                {
                    // Only the generic Steinhart-Hart part (about 3950 K) reaches the 1 % rail margin in range, above about 197 degC.
                    return c.Item2 >= 2 && temperatureC > 196.0;
                }

                double read = converter.TemperatureCFromCounts(counts);
                double a = converter.TemperatureCFromCounts(counts - 0.5);
                double b = converter.TemperatureCFromCounts(counts + 0.5);
                double low = System.Math.Min(a, b) - 1e-9;
                double high = System.Math.Max(a, b) + 1e-9;
                return temperatureC >= low && temperatureC <= high
                    && read >= low && read <= high;
            }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(5000));
        }
    }
}
