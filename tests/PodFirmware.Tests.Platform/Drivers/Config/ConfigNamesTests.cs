using System;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Sensors;

namespace PodFirmware.Tests.Drivers.Config
{
    [TestClass]
    public class ConfigNamesTests
    {
        private static readonly string[] Names = { "currentTransformer", "hall" };

        [TestMethod]
        [DataRow("currentTransformer", 0)]
        [DataRow("hall", 1)]
        [DataRow("Hall", 1)]
        [DataRow("HALL", 1)]
        [DataRow("CurrentTransformer", 0)]
        [DataRow("currenttransformer", 0)]
        [DataRow("1", -1)]
        [DataRow(" hall", -1)]
        [DataRow("hall ", -1)]
        [DataRow("", -1)]
        [DataRow("current_transformer", -1)]
        [DataRow("hal", -1)]
        public static void A_name_matches_ignoring_ASCII_case_and_nothing_else(string value, int expected)
        {
            Assert.AreEqual(expected, ConfigNames.IndexOf(value, Names));
        }

        [TestMethod]
        public static void A_null_value_matches_no_name()
        {
            Assert.AreEqual(-1, ConfigNames.IndexOf(null, Names));
        }

        [TestMethod]
        public static void An_unknown_name_is_reported_under_its_key_listing_the_accepted_names_and_the_value()
        {
            var errors = new ConfigErrors();
            int index = ConfigNames.Check("sensors.current.transducer", "shunt", Names, errors);
            Assert.AreEqual(-1, index);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.Contains("sensors.current.transducer:", errors[0]);
            Assert.Contains("\"currentTransformer\", \"hall\"", errors[0]);
            Assert.Contains("is \"shunt\"", errors[0]);
        }

        [TestMethod]
        public static void A_null_name_is_reported_as_null()
        {
            var errors = new ConfigErrors();
            ConfigNames.Check("sensors.temperature.model", null, Names, errors);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.Contains("is null", errors[0]);
        }

        [TestMethod]
        public static void A_known_name_reports_nothing_and_returns_its_index()
        {
            var errors = new ConfigErrors();
            Assert.AreEqual(1, ConfigNames.Check("k", "Hall", Names, errors));
            Assert.AreEqual(0, errors.Count, errors.ToString());
        }

        [TestMethod]
        [DataRow("currentTransformer", 0)]
        [DataRow("hall", 1)]
        [DataRow("Hall", 1)]
        public static void The_transducer_name_parses_to_its_enum_value(string name, int expected)
        {
            var config = new CurrentSensorConfig();
            config.Transducer = name;
            var errors = new ConfigErrors();
            config.Validate("sensors.current", errors);
            Assert.AreEqual(0, errors.Count, errors.ToString());
            Assert.AreEqual(expected, (int)config.ParsedTransducer);
        }

        [TestMethod]
        [DataRow("beta", 0)]
        [DataRow("steinhartHart", 1)]
        [DataRow("SteinhartHart", 1)]
        public static void The_model_name_parses_to_its_enum_value(string name, int expected)
        {
            var config = new TemperatureSensorConfig();
            config.Model = name;
            var errors = new ConfigErrors();
            config.Validate("sensors.temperature", errors);
            Assert.AreEqual(0, errors.Count, errors.ToString());
            Assert.AreEqual(expected, (int)config.ParsedModel);
        }

        [TestMethod]
        [DataRow("lowSide", 0)]
        [DataRow("highSide", 1)]
        [DataRow("HighSide", 1)]
        public static void The_ntc_position_name_parses_to_its_enum_value(string name, int expected)
        {
            var config = new TemperatureSensorConfig();
            config.NtcPosition = name;
            var errors = new ConfigErrors();
            config.Validate("sensors.temperature", errors);
            Assert.AreEqual(0, errors.Count, errors.ToString());
            Assert.AreEqual(expected, (int)config.ParsedNtcPosition);
        }

        [TestMethod]
        public static void The_defaults_are_the_documented_names()
        {
            Assert.AreEqual("currentTransformer", new CurrentSensorConfig().Transducer);
            Assert.AreEqual("beta", new TemperatureSensorConfig().Model);
            Assert.AreEqual("lowSide", new TemperatureSensorConfig().NtcPosition);
        }

        [TestMethod]
        public static void Each_unknown_sensor_name_is_reported_by_its_key_with_the_accepted_names()
        {
            var temperature = new TemperatureSensorConfig();
            temperature.Model = "1";
            temperature.NtcPosition = "low";
            var current = new CurrentSensorConfig();
            current.Transducer = "shunt";
            var errors = new ConfigErrors();
            temperature.Validate("sensors.temperature", errors);
            current.Validate("sensors.current", errors);
            Assert.AreEqual(3, errors.Count, errors.ToString());
            Assert.Contains("sensors.temperature.model: must be one of \"beta\", \"steinhartHart\"", errors[0]);
            Assert.Contains("sensors.temperature.ntcPosition: must be one of \"lowSide\", \"highSide\"", errors[1]);
            Assert.Contains("sensors.current.transducer: must be one of \"currentTransformer\", \"hall\"", errors[2]);
        }

        [TestMethod]
        public static void An_unknown_name_never_reaches_a_sensor_as_a_silent_default()
        {
            var temperature = new TemperatureSensorConfig();
            temperature.NtcPosition = "middle";
            Assert.ThrowsException(typeof(ArgumentException), () => new NtcConverter(temperature));
            var model = new TemperatureSensorConfig();
            model.Model = "linear";
            Assert.ThrowsException(typeof(ArgumentException), () => new NtcConverter(model));
            var current = new CurrentSensorConfig();
            current.Transducer = null;
            Assert.ThrowsException(typeof(ArgumentException), () => { double unused = current.AmpsPerAdcVolt; });
        }
    }
}
