using nanoFramework.TestFramework;
using PodFirmware.Core.Position;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Tests.Core.Position
{
    [TestClass]
    public class PositionConfigTests
    {
        private static ConfigErrors Validate(PositionConfig config)
        {
            var errors = new ConfigErrors();
            config.Validate("position", errors);
            return errors;
        }

        [TestMethod]
        public static void Defaults_are_valid_gnss_off_no_fence_9600_baud_5s_max_age()
        {
            var config = new PositionConfig();
            Assert.AreEqual(0, Validate(config).Count, Validate(config).ToString());
            Assert.IsFalse(config.GnssEnabled);
            Assert.AreEqual(9600, config.GnssBaud);
            Assert.AreEqual(5000, config.FixMaxAgeMs);
            Assert.AreEqual("none", config.Geofence.Shape);
            Assert.AreEqual((int)GeofenceShape.None, (int)config.Geofence.ParseShape());
        }

        [DataRow(4799, 5000, "position.gnssBaud")]
        [DataRow(115201, 5000, "position.gnssBaud")]
        [DataRow(9600, 999, "position.fixMaxAgeMs")]
        [DataRow(9600, 60001, "position.fixMaxAgeMs")]
        [TestMethod]
        public static void Receiver_settings_out_of_range_name_their_key(int baud, int maxAgeMs, string key)
        {
            var config = new PositionConfig();
            config.GnssBaud = baud;
            config.FixMaxAgeMs = maxAgeMs;
            ConfigErrors errors = Validate(config);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.Contains(key + ": must be between", errors[0]);
        }

        [TestMethod]
        public static void A_valid_circle_passes_and_each_bad_circle_key_is_named()
        {
            var config = new PositionConfig();
            config.GnssEnabled = true;
            config.Geofence = Site.Circle(100.0, 5.0);
            Assert.AreEqual(0, Validate(config).Count, Validate(config).ToString());

            config.Geofence.CenterLatDeg = 91.0;
            config.Geofence.CenterLonDeg = -180.5;
            config.Geofence.RadiusM = 9.0;
            config.Geofence.MarginM = 101.0;
            string text = Validate(config).ToString();
            Assert.AreEqual(4, Validate(config).Count, text);
            Assert.Contains("position.geofence.centerLatDeg: must be between", text);
            Assert.Contains("position.geofence.centerLonDeg:", text);
            Assert.Contains("position.geofence.radiusM: must be between", text);
            Assert.Contains("position.geofence.marginM:", text);
        }

        [TestMethod]
        public static void An_unknown_shape_is_named_with_the_allowed_values()
        {
            var config = new PositionConfig();
            config.GnssEnabled = true;
            config.Geofence.Shape = "square";
            ConfigErrors errors = Validate(config);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.Contains("position.geofence.shape: must be \"none\", \"circle\" or \"polygon\", is \"square\"", errors[0]);
            Assert.AreEqual((int)GeofenceShape.None, (int)config.Geofence.ParseShape());
        }

        [TestMethod]
        public static void A_fence_without_a_receiver_is_refused()
        {
            var config = new PositionConfig();
            config.Geofence = Site.Circle(100.0, 5.0);
            ConfigErrors errors = Validate(config);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.Contains("position.geofence.shape: needs gnssEnabled", errors[0]);
        }

        [TestMethod]
        public static void Polygon_points_must_be_3_to_32_pairs_in_range()
        {
            var config = new PositionConfig();
            config.GnssEnabled = true;
            config.Geofence = Site.Polygon(Site.UShapeM(), 5.0);
            Assert.AreEqual(0, Validate(config).Count, Validate(config).ToString());

            config.Geofence.PointsLatLonDeg = new double[] { 48.1, 11.5, 48.2, 11.5 };
            Assert.Contains("position.geofence.pointsLatLonDeg: must hold 3 to 32 points, holds 2", Validate(config)[0]);

            config.Geofence.PointsLatLonDeg = new double[66];
            Assert.Contains("holds 33", Validate(config)[0]);

            config.Geofence.PointsLatLonDeg = new double[] { 48.1, 11.5, 48.2, 11.5, 48.2 };
            Assert.Contains("position.geofence.pointsLatLonDeg: must be a flat array of latitude, longitude pairs", Validate(config)[0]);

            config.Geofence.PointsLatLonDeg = new double[] { 48.1, 11.5, 48.2, 181.0, -95.0, 11.6 };
            string text = Validate(config).ToString();
            Assert.AreEqual(2, Validate(config).Count, text);
            Assert.Contains("position.geofence.pointsLatLonDeg[3]: must be between", text);
            Assert.Contains("position.geofence.pointsLatLonDeg[4]: must be between", text);
        }

        [TestMethod]
        public static void A_missing_geofence_section_is_named()
        {
            var config = new PositionConfig();
            config.Geofence = null;
            Assert.Contains("position.geofence: is missing", Validate(config)[0]);
        }
    }
}
