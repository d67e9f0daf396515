using nanoFramework.TestFramework;
using PodFirmware.Drivers.Sensors;

namespace PodFirmware.Tests.Drivers.Sensors
{
    [TestClass]
    public class NtcConverterTests
    {
        // A published Steinhart-Hart set for a generic 10 kOhm NTC, with C clearly non-zero.
        private const double ShA = 1.009249522e-3;
        private const double ShB = 2.378405444e-4;
        private const double ShC = 2.019202697e-7;

        private static NtcConverter Converter(int position)
        {
            var config = new TemperatureSensorConfig();
            config.NtcPosition = position == 1 ? TemperatureSensorConfig.HighSide : TemperatureSensorConfig.LowSide;
            return new NtcConverter(config);
        }

        private static NtcConverter SteinhartHart(int position)
        {
            var config = new TemperatureSensorConfig();
            config.Model = TemperatureSensorConfig.SteinhartHart;
            config.SteinhartA = ShA;
            config.SteinhartB = ShB;
            config.SteinhartC = ShC;
            config.NtcPosition = position == 1 ? TemperatureSensorConfig.HighSide : TemperatureSensorConfig.LowSide;
            return new NtcConverter(config);
        }

        [DataRow(0)]
        [DataRow(1)]
        [TestMethod]
        public static void Divider_sits_at_mid_scale_at_25C_for_either_position(int position)
        {
            Approx.Equal(2047.5, Converter(position).CountsFromTemperatureC(25.0), 1e-6, "counts at 25 degC");
        }

        [TestMethod]
        public static void Resistance_follows_the_103AT_2_beta_curve()
        {
            NtcConverter converter = Converter(0);
            Approx.Equal(10000.0, converter.ResistanceOhmFromTemperatureC(25.0), 1e-6, "R25");

            // B25/85 = 3435 K is defined by R25 / R85 = exp(3435 * (1/298.15 - 1/358.15)).
            Approx.Equal(1451.35, converter.ResistanceOhmFromTemperatureC(85.0), 0.01, "R85");
            Approx.Equal(28704.3, converter.ResistanceOhmFromTemperatureC(0.0), 0.1, "R0");
        }

        [DataRow(0, 70.0, 740.43)]
        [DataRow(1, 70.0, 3354.57)]
        [DataRow(0, 160.0, 109.90)]
        [DataRow(1, 160.0, 3985.10)]
        [TestMethod]
        public static void Beta_model_places_the_divider_where_the_datasheet_curve_puts_it(int position, double temperatureC, double expectedCounts)
        {
            Approx.Equal(expectedCounts, Converter(position).CountsFromTemperatureC(temperatureC), 0.01, "counts");
        }

        [DataRow(0, 740, 70.0)]
        [DataRow(1, 3355, 70.0)]
        [DataRow(0, 110, 160.0)]
        [DataRow(1, 3985, 160.0)]
        [TestMethod]
        public static void Whole_counts_convert_back_within_1C_of_the_beta_model(int position, int counts, double expectedC)
        {
            Approx.Equal(expectedC, Converter(position).TemperatureCFromCounts(counts), 1.0, "temperature");
        }

        [TestMethod]
        public static void Steinhart_Hart_reads_24_68C_at_10_kOhm_with_the_generic_coefficients()
        {
            // 1 / (A + B ln 10000 + C ln^3 10000) - 273.15, worked by hand.
            Approx.Equal(24.681, SteinhartHart(0).TemperatureCFromResistanceOhm(10000.0), 0.001, "temperature");
        }

        [DataRow(0, 70.0, 700.30)]
        [DataRow(1, 70.0, 3394.70)]
        [DataRow(0, 160.0, 83.19)]
        [DataRow(1, 160.0, 4011.81)]
        [TestMethod]
        public static void Steinhart_Hart_inverts_to_the_divider_reading_and_back(int position, double temperatureC, double expectedCounts)
        {
            NtcConverter converter = SteinhartHart(position);
            double counts = converter.CountsFromTemperatureC(temperatureC);
            Approx.Equal(expectedCounts, counts, 0.01, "counts");
            Approx.Equal(temperatureC, converter.TemperatureCFromCounts(counts), 1e-6, "round trip");
        }

        [TestMethod]
        public static void Default_Steinhart_Hart_coefficients_reproduce_the_beta_curve()
        {
            var config = new TemperatureSensorConfig();
            var beta = new NtcConverter(config);
            config.Model = TemperatureSensorConfig.SteinhartHart;
            var steinhart = new NtcConverter(config);
            for (int t = -30; t <= 200; t += 10)
            {
                Approx.Equal(beta.ResistanceOhmFromTemperatureC(t), steinhart.ResistanceOhmFromTemperatureC(t), beta.ResistanceOhmFromTemperatureC(t) * 1e-9, "R at " + t.ToString() + " degC");
            }
        }

        [TestMethod]
        public static void Reference_cancels_when_the_divider_is_fed_from_it()
        {
            var config = new TemperatureSensorConfig();
            config.SupplyMv = 5000.0;
            config.ReferenceMv = 5000.0;
            Approx.Equal(740.43, new NtcConverter(config).CountsFromTemperatureC(70.0), 0.01, "counts at 70 degC, 5 V ratiometric");
        }

        [TestMethod]
        public static void A_supply_above_the_ADC_full_scale_shifts_the_counts()
        {
            var config = new TemperatureSensorConfig();
            config.ReferenceMv = 3100.0;
            NtcConverter converter = new NtcConverter(config);

            // 1650 mV at the pin on a 3100 mV full scale.
            Approx.Equal(2179.60, converter.CountsFromTemperatureC(25.0), 0.01, "counts at 25 degC");
            Approx.Equal(25.0, converter.TemperatureCFromCounts(2179.5967741935483), 1e-6, "converted back");
        }

        [DataRow(0, 0, 2)]
        [DataRow(0, 40, 2)]
        [DataRow(0, 42, 0)]
        [DataRow(0, 4053, 0)]
        [DataRow(0, 4055, 1)]
        [DataRow(0, 4095, 1)]
        [DataRow(1, 0, 1)]
        [DataRow(1, 40, 1)]
        [DataRow(1, 2048, 0)]
        [DataRow(1, 4055, 2)]
        [DataRow(1, 4095, 2)]
        [TestMethod]
        public static void Readings_within_1_percent_of_a_rail_are_open_or_short_by_position(int position, int counts, int expectedStatus)
        {
            Assert.AreEqual(expectedStatus, (int)Converter(position).Classify(counts), "status for " + counts.ToString() + " counts");
        }
    }
}
