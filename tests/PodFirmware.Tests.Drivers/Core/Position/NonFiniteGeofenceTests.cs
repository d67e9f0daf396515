using nanoFramework.TestFramework;
using PodFirmware.Core.Position;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Tests.Core.Position
{
    /// <summary>NaN and infinities in the geofence and its config, the same on nanoCLR and .NET.</summary>
    [TestClass]
    public class NonFiniteGeofenceTests
    {
        private static readonly double[] Bad = { double.NaN, double.PositiveInfinity, double.NegativeInfinity };

        private static string What(int i)
        {
            return i == 0 ? "NaN" : (i == 1 ? "+inf" : "-inf");
        }

        [TestMethod]
        public static void A_non_finite_coordinate_is_no_position_for_a_circle_or_a_polygon()
        {
            var circle = new Geofence(Site.Circle(100, 5));
            var polygon = new Geofence(Site.Polygon(Site.UShapeM(), 5));
            for (int i = 0; i < Bad.Length; i++)
            {
                double lat = Site.Lat(50);
                double lon = Site.Lon(50);
                Assert.AreEqual((int)FencePosition.Unknown, (int)circle.Classify(Bad[i], lon), What(i) + ": circle latitude");
                Assert.AreEqual((int)FencePosition.Unknown, (int)circle.Classify(lat, Bad[i]), What(i) + ": circle longitude");
                Assert.AreEqual((int)FencePosition.Unknown, (int)polygon.Classify(Bad[i], lon), What(i) + ": polygon latitude");
                Assert.AreEqual((int)FencePosition.Unknown, (int)polygon.Classify(lat, Bad[i]), What(i) + ": polygon longitude");
                Assert.IsTrue(double.IsNaN(polygon.DistanceOutsideM(Bad[i], lon)), What(i));
            }
        }

        private static readonly string[] CircleKeys = { "centerLatDeg", "centerLonDeg", "radiusM", "marginM" };

        [TestMethod]
        public static void Every_double_geofence_key_that_is_not_finite_is_one_named_error()
        {
            for (int k = 0; k < CircleKeys.Length; k++)
            {
                for (int i = 0; i < Bad.Length; i++)
                {
                    GeofenceConfig config = Site.Circle(100, 5);
                    switch (k)
                    {
                        case 0: config.CenterLatDeg = Bad[i]; break;
                        case 1: config.CenterLonDeg = Bad[i]; break;
                        case 2: config.RadiusM = Bad[i]; break;
                        default: config.MarginM = Bad[i]; break;
                    }

                    var errors = new ConfigErrors();
                    config.Validate("position.geofence", errors);
                    string what = CircleKeys[k] + " = " + What(i) + ": " + errors.ToString();
                    Assert.AreEqual(1, errors.Count, what);
                    Assert.AreEqual("position.geofence." + CircleKeys[k] + ": must be a finite number", errors[0], what);
                }
            }
        }

        [TestMethod]
        public static void A_non_finite_polygon_point_is_named_by_its_index()
        {
            for (int i = 0; i < Bad.Length; i++)
            {
                GeofenceConfig config = Site.Polygon(Site.UShapeM(), 5);
                config.PointsLatLonDeg[3] = Bad[i];
                var errors = new ConfigErrors();
                config.Validate("position.geofence", errors);
                Assert.AreEqual(1, errors.Count, What(i) + ": " + errors.ToString());
                Assert.AreEqual("position.geofence.pointsLatLonDeg[3]: must be a finite number", errors[0], What(i));
            }
        }
    }
}
