using System;
using FsCheck;
using FsCheck.Fluent;
using PodFirmware.Core.Position;
using PodFirmware.Drivers.Simulated;
using Xunit;
using PodFirmware.Host.Tests.Support;

namespace PodFirmware.Host.Tests.Core.Position
{
    /// <summary>The fence's distance model against haversine, polygon against circle, and no allocation per tick.</summary>
    [Collection(AllocationMeasurement.Name)]
    public class GeofencePropertyTests
    {
        private static double Haversine(double lat1, double lon1, double lat2, double lon2)
        {
            double r = Math.PI / 180.0;
            double a = Math.Pow(Math.Sin((lat2 - lat1) * r / 2), 2) + (Math.Cos(lat1 * r) * Math.Cos(lat2 * r) * Math.Pow(Math.Sin((lon2 - lon1) * r / 2), 2));
            return 2 * Geofence.EarthRadiusM * Math.Asin(Math.Sqrt(a));
        }

        [Fact]
        public void Distance_is_within_half_a_metre_of_haversine_up_to_10km_below_70_degrees()
        {
            var gen = from lat in Gen.Choose(-70_000, 70_000)
                      from lon in Gen.Choose(-179_000, 179_000)
                      from bearing in Gen.Choose(0, 359)
                      from distance in Gen.Choose(0, 10_000)
                      select (lat / 1000.0, lon / 1000.0, bearing * Math.PI / 180.0, (double)distance);
            Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(5000), Prop.ForAll(Arb.From(gen), t =>
            {
                (double lat, double lon, double bearing, double d) = t;
                double dLat = d * Math.Cos(bearing) / Geofence.EarthRadiusM * 180.0 / Math.PI;
                double dLon = d * Math.Sin(bearing) / (Geofence.EarthRadiusM * Math.Cos(lat * Math.PI / 180.0)) * 180.0 / Math.PI;
                double lat2 = lat + dLat;
                double lon2 = lon + dLon;
                return Math.Abs(Geofence.DistanceM(lat, lon, lat2, lon2) - Haversine(lat, lon, lat2, lon2)) < 0.5;
            }));
        }

        [Fact]
        public void A_32_gon_inscribed_in_a_circle_agrees_with_the_circle_away_from_the_edge()
        {
            const double lat0 = -37.8136;
            const double lon0 = 144.9631;
            const double radiusM = 500.0;
            double mPerDeg = Geofence.EarthRadiusM * Math.PI / 180.0;
            var polygon = new GeofenceConfig { Shape = "polygon", MarginM = 0, PointsLatLonDeg = new double[64] };
            for (int i = 0; i < 32; i++)
            {
                double a = 2 * Math.PI * i / 32;
                polygon.PointsLatLonDeg[2 * i] = lat0 + (radiusM * Math.Cos(a) / mPerDeg);
                polygon.PointsLatLonDeg[(2 * i) + 1] = lon0 + (radiusM * Math.Sin(a) / (mPerDeg * Math.Cos(lat0 * Math.PI / 180.0)));
            }

            var circle = new Geofence(new GeofenceConfig { Shape = "circle", CenterLatDeg = lat0, CenterLonDeg = lon0, RadiusM = radiusM, MarginM = 0 });
            var fence = new Geofence(polygon);

            // A 32-gon of radius 500 m lies between 495.2 m (edge midpoints) and 500 m from the centre.
            var gen = from east in Gen.Choose(-1500, 1500)
                      from north in Gen.Choose(-1500, 1500)
                      select (lat0 + (north / mPerDeg), lon0 + (east / (mPerDeg * Math.Cos(lat0 * Math.PI / 180.0))));
            Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(5000), Prop.ForAll(Arb.From(gen), p =>
            {
                double fromCircleM = circle.DistanceOutsideM(p.Item1, p.Item2);
                if (fromCircleM > -6 && fromCircleM < 1)
                {
                    return true;
                }

                double polygonM = fence.DistanceOutsideM(p.Item1, p.Item2);
                return circle.Classify(p.Item1, p.Item2) == fence.Classify(p.Item1, p.Item2)
                    && (fromCircleM > 0 ? Math.Abs(polygonM - fromCircleM) < 5.0 : polygonM < 0);
            }));
        }

        [Fact]
        public void Ten_thousand_updates_allocate_zero_bytes()
        {
            var polygon = new GeofenceConfig { Shape = "polygon", MarginM = 5, PointsLatLonDeg = new double[] { 48.0, 11.0, 48.0, 11.01, 48.01, 11.01, 48.005, 11.005, 48.01, 11.0 } };
            var fence = new Geofence(polygon);
            var source = new SimulatedPositionSource();
            source.Set(48.002, 11.002);
            fence.Update(source, 0);

            long before = AllocationWindow.Begin();
            int outside = 0;
            for (int i = 0; i < 10000; i++)
            {
                source.Set(48.002 + (i % 100 * 0.0001), 11.002);
                outside += fence.Update(source, i * 100L) == FencePosition.Outside ? 1 : 0;
            }

            long allocated = AllocationWindow.End(before);
            Assert.True(outside > 0 && outside < 10000, outside + " outside");
            Assert.Equal(0, allocated);
        }
    }
}
