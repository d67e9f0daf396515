using nanoFramework.TestFramework;
using PodFirmware.Core.Position;
using PodFirmware.Drivers.Simulated;
using PodFirmware.Tests.Drivers.Sensors;

namespace PodFirmware.Tests.Core.Position
{
    [TestClass]
    public class GeofenceTests
    {
        [TestMethod]
        public static void One_degree_of_latitude_is_111195m_and_of_longitude_at_60N_half_that()
        {
            Approx.Equal(111195.08, Geofence.DistanceM(48.0, 11.0, 49.0, 11.0), 0.5, "1 deg latitude");
            Approx.Equal(55597.54, Geofence.DistanceM(60.0, 11.0, 60.0, 12.0), 0.5, "1 deg longitude at 60 N");
            Approx.Equal(55597.54, Geofence.DistanceM(-60.0, 179.5, -60.0, -179.5), 0.5, "across the antimeridian");
        }

        [DataRow(0.0, 0.0, true)]
        [DataRow(99.0, 0.0, true)]
        [DataRow(101.0, 0.0, false)]
        [DataRow(0.0, -99.0, true)]
        [DataRow(0.0, -101.0, false)]
        [DataRow(-70.0, 70.0, true)]
        [DataRow(-71.0, 71.0, false)]
        [TestMethod]
        public static void A_100m_circle_contains_points_up_to_100m_from_its_centre(double northM, double eastM, bool inside)
        {
            var fence = new Geofence(Site.Circle(100.0, 0.0));
            FencePosition expected = inside ? FencePosition.Inside : FencePosition.Outside;
            Assert.AreEqual((int)expected, (int)fence.Classify(Site.Lat(northM), Site.Lon(eastM)));
        }

        [TestMethod]
        public static void Circle_distance_outside_is_metres_beyond_the_radius()
        {
            var fence = new Geofence(Site.Circle(100.0, 0.0));
            Approx.Equal(50.0, fence.DistanceOutsideM(Site.Lat(150.0), Site.Lon(0.0)), 0.05, "150 m north");
            Approx.Equal(-100.0, fence.DistanceOutsideM(Site.OriginLatDeg, Site.OriginLonDeg), 0.001, "at the centre");
        }

        [TestMethod]
        public static void A_circle_in_the_southern_and_western_hemispheres_works_the_same()
        {
            var config = new GeofenceConfig();
            config.Shape = "circle";
            config.CenterLatDeg = -33.8688;
            config.CenterLonDeg = -70.6483;
            config.RadiusM = 500.0;
            var fence = new Geofence(config);

            Assert.AreEqual((int)FencePosition.Inside, (int)fence.Classify(-33.8688 - (490.0 / 111195.08), -70.6483));
            Assert.AreEqual((int)FencePosition.Outside, (int)fence.Classify(-33.8688 - (510.0 / 111195.08), -70.6483));
        }

        [DataRow(50.0, 150.0, true)]
        [DataRow(250.0, 150.0, true)]
        [DataRow(150.0, 50.0, true)]
        [DataRow(150.0, 150.0, false)]
        [DataRow(150.0, 101.0, false)]
        [DataRow(150.0, 99.0, true)]
        [DataRow(350.0, 50.0, false)]
        [DataRow(-1.0, 100.0, false)]
        [DataRow(150.0, -1.0, false)]
        [TestMethod]
        public static void A_concave_polygon_excludes_its_notch(double eastM, double northM, bool inside)
        {
            var fence = new Geofence(Site.Polygon(Site.UShapeM(), 0.0));
            FencePosition expected = inside ? FencePosition.Inside : FencePosition.Outside;
            Assert.AreEqual((int)expected, (int)fence.Classify(Site.Lat(northM), Site.Lon(eastM)));
        }

        [TestMethod]
        public static void Polygon_distance_is_to_the_nearest_edge_signed_positive_outside()
        {
            var fence = new Geofence(Site.Polygon(Site.UShapeM(), 0.0));
            Approx.Equal(30.0, fence.DistanceOutsideM(Site.Lat(130.0), Site.Lon(150.0)), 0.05, "in the notch, 30 m above its floor");
            Approx.Equal(-40.0, fence.DistanceOutsideM(Site.Lat(40.0), Site.Lon(150.0)), 0.05, "40 m inside the south edge");
            Approx.Equal(70.71, fence.DistanceOutsideM(Site.Lat(250.0), Site.Lon(350.0)), 0.1, "50 m east and 50 m north of the north-east corner, which is nearest");
        }

        [TestMethod]
        public static void Without_a_fence_every_position_is_unknown()
        {
            var fence = new Geofence(new GeofenceConfig());
            var source = new SimulatedPositionSource();
            source.Set(Site.OriginLatDeg, Site.OriginLonDeg);

            Assert.AreEqual((int)FencePosition.Unknown, (int)fence.Classify(Site.OriginLatDeg, Site.OriginLonDeg));
            Assert.AreEqual((int)FencePosition.Unknown, (int)fence.Update(source, 0));
        }

        [TestMethod]
        public static void No_fix_is_unknown_and_the_last_position_is_kept_for_status()
        {
            var fence = new Geofence(Site.Circle(100.0, 5.0));
            var source = new SimulatedPositionSource();
            source.Set(Site.Lat(20.0), Site.Lon(0.0));
            Assert.AreEqual((int)FencePosition.Inside, (int)fence.Update(source, 0));

            source.Lose();
            Assert.AreEqual((int)FencePosition.Unknown, (int)fence.Update(source, 100));
            Assert.AreEqual((int)FencePosition.Unknown, (int)fence.Current);
            Assert.IsFalse(fence.LastFix.Valid);
            Approx.Equal(Site.Lat(20.0), fence.LastFix.LatitudeDeg, 1e-12, "last latitude");
        }

        [TestMethod]
        public static void The_margin_stops_jitter_at_the_edge_from_flapping()
        {
            var fence = new Geofence(Site.Circle(100.0, 5.0));
            var source = new SimulatedPositionSource();

            source.Set(Site.Lat(103.0), Site.Lon(0.0));
            Assert.AreEqual((int)FencePosition.Inside, (int)fence.Update(source, 0), "first fix 3 m beyond the edge: within the margin");
            source.Set(Site.Lat(104.9), Site.Lon(0.0));
            Assert.AreEqual((int)FencePosition.Inside, (int)fence.Update(source, 100), "4.9 m beyond");
            source.Set(Site.Lat(105.2), Site.Lon(0.0));
            Assert.AreEqual((int)FencePosition.Outside, (int)fence.Update(source, 200), "5.2 m beyond");
            Approx.Equal(5.2, fence.LastDistanceOutsideM, 0.01, "distance reported");

            source.Set(Site.Lat(101.0), Site.Lon(0.0));
            Assert.AreEqual((int)FencePosition.Outside, (int)fence.Update(source, 300), "back to 1 m beyond: still outside");
            source.Lose();
            fence.Update(source, 400);
            source.Set(Site.Lat(102.0), Site.Lon(0.0));
            Assert.AreEqual((int)FencePosition.Outside, (int)fence.Update(source, 500), "a lost fix does not reset the hysteresis");
            source.Set(Site.Lat(99.5), Site.Lon(0.0));
            Assert.AreEqual((int)FencePosition.Inside, (int)fence.Update(source, 600), "inside the boundary again");
        }

        [TestMethod]
        public static void Without_margin_a_step_past_the_edge_is_outside()
        {
            var fence = new Geofence(Site.Polygon(Site.UShapeM(), 0.0));
            var source = new SimulatedPositionSource();
            source.Set(Site.Lat(50.0), Site.Lon(150.0));
            Assert.AreEqual((int)FencePosition.Inside, (int)fence.Update(source, 0));
            source.Set(Site.Lat(-0.5), Site.Lon(150.0));
            Assert.AreEqual((int)FencePosition.Outside, (int)fence.Update(source, 100));
        }
    }
}
