using System;
using PodFirmware.Core.Position;

namespace PodFirmware.Tests.Core.Position
{
    /// <summary>Test geometry: points given in metres east and north of a site origin, converted to degrees.</summary>
    public static class Site
    {
        /// <summary>Site origin latitude (Munich, the NMEA textbook position).</summary>
        public const double OriginLatDeg = 48.1173;

        /// <summary>Site origin longitude.</summary>
        public const double OriginLonDeg = 11.516667;

        // 1 degree of latitude on the mean-radius sphere (6,371,008.8 m): 111,195.08 m.
        private const double MPerDegLat = 111195.08;

        /// <summary>Latitude of a point <paramref name="northM"/> north of the origin.</summary>
        public static double Lat(double northM)
        {
            return OriginLatDeg + (northM / MPerDegLat);
        }

        /// <summary>Longitude of a point <paramref name="eastM"/> east of the origin.</summary>
        public static double Lon(double eastM)
        {
            return OriginLonDeg + (eastM / (MPerDegLat * Math.Cos(OriginLatDeg * Math.PI / 180.0)));
        }

        /// <summary>A circle fence of <paramref name="radiusM"/> around the origin.</summary>
        public static GeofenceConfig Circle(double radiusM, double marginM)
        {
            var config = new GeofenceConfig();
            config.Shape = "circle";
            config.CenterLatDeg = OriginLatDeg;
            config.CenterLonDeg = OriginLonDeg;
            config.RadiusM = radiusM;
            config.MarginM = marginM;
            return config;
        }

        /// <summary>A polygon fence through points given as east, north pairs in metres.</summary>
        public static GeofenceConfig Polygon(double[] eastNorthM, double marginM)
        {
            var config = new GeofenceConfig();
            config.Shape = "polygon";
            config.MarginM = marginM;
            config.PointsLatLonDeg = new double[eastNorthM.Length];
            for (int i = 0; i < eastNorthM.Length; i += 2)
            {
                config.PointsLatLonDeg[i] = Lat(eastNorthM[i + 1]);
                config.PointsLatLonDeg[i + 1] = Lon(eastNorthM[i]);
            }

            return config;
        }

        /// <summary>
        /// A concave U, 300 m wide and 200 m tall, with a 100 m by 100 m notch cut from the top middle
        /// (x 100..200, y 100..200), as east, north pairs in metres.
        /// </summary>
        public static double[] UShapeM()
        {
            return new double[] { 0, 0, 300, 0, 300, 200, 200, 200, 200, 100, 100, 100, 100, 200, 0, 200 };
        }
    }
}
