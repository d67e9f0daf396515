using nanoFramework.TestFramework;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Safety;

namespace PodFirmware.Tests.Core.Safety
{
    [TestClass]
    public class FaultLatchRecordTests
    {
        [TestMethod]
        public static void Crc32_matches_the_standard_check_value()
        {
            byte[] digits = { 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39 };
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(digits, 0, digits.Length));
        }

        [TestMethod]
        public static void Round_trips_code_value_limit_unit_and_trip_temperature_to_a_thousandth()
        {
            var record = new FaultLatchRecord();
            record.Code = FaultCode.OverCurrent;
            record.Value = 17.7;
            record.Limit = 17.6;
            record.Unit = ValueUnit.Ampere;
            record.TripTemperatureC = -12.345;
            var buffer = new byte[FaultLatchRecord.Length];
            Assert.AreEqual(24, record.Encode(buffer));

            var read = new FaultLatchRecord();
            Assert.IsTrue(read.TryDecode(buffer, FaultLatchRecord.Length));
            Expect.Code(FaultCode.OverCurrent, read.Code);
            Assert.AreEqual(17.7, read.Value);
            Assert.AreEqual(17.6, read.Limit);
            Assert.AreEqual((int)ValueUnit.Ampere, (int)read.Unit);
            Assert.AreEqual(-12.345, read.TripTemperatureC);
        }

        [TestMethod]
        public static void An_unknown_trip_temperature_round_trips_as_NaN()
        {
            var record = new FaultLatchRecord();
            record.Code = FaultCode.TemperatureSensorFault;
            record.TripTemperatureC = double.NaN;
            var buffer = new byte[FaultLatchRecord.Length];
            record.Encode(buffer);
            var read = new FaultLatchRecord();
            Assert.IsTrue(read.TryDecode(buffer, FaultLatchRecord.Length));
            Assert.IsTrue(double.IsNaN(read.TripTemperatureC));
        }

        [TestMethod]
        public static void Rejects_every_single_bit_flip()
        {
            var record = new FaultLatchRecord();
            record.Code = FaultCode.ConnectorOverTemperature;
            record.Value = 70.1;
            record.Limit = 70.0;
            record.Unit = ValueUnit.Celsius;
            var buffer = new byte[FaultLatchRecord.Length];
            record.Encode(buffer);
            var read = new FaultLatchRecord();
            for (int i = 0; i < FaultLatchRecord.Length * 8; i++)
            {
                buffer[i / 8] ^= (byte)(1 << (i % 8));
                Assert.IsFalse(read.TryDecode(buffer, FaultLatchRecord.Length), "bit " + i.ToString());
                buffer[i / 8] ^= (byte)(1 << (i % 8));
            }

            Assert.IsTrue(read.TryDecode(buffer, FaultLatchRecord.Length));
        }
    }
}
