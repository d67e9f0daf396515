using nanoFramework.TestFramework;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Safety;

namespace PodFirmware.Tests.Core.Safety
{
    /// <summary>
    /// A record whose checksum is right but whose header is not this format's (another magic or version) must be
    /// refused, and values too large for the stored thousandths are clamped, not wrapped.
    /// </summary>
    [TestClass]
    public class FaultLatchRecordHeaderTests
    {
        private static byte[] Encoded(double value)
        {
            var record = new FaultLatchRecord();
            record.Code = FaultCode.OverCurrent;
            record.Value = value;
            record.Limit = 17.6;
            record.Unit = ValueUnit.Ampere;
            var buffer = new byte[FaultLatchRecord.Length];
            record.Encode(buffer);
            return buffer;
        }

        private static void Reseal(byte[] buffer)
        {
            uint crc = Crc32.Compute(buffer, 0, 20);
            buffer[20] = (byte)crc;
            buffer[21] = (byte)(crc >> 8);
            buffer[22] = (byte)(crc >> 16);
            buffer[23] = (byte)(crc >> 24);
        }

        [DataRow(0, 71)]
        [DataRow(1, 77)]
        [DataRow(2, 2)]
        [TestMethod]
        public static void A_resealed_record_with_another_magic_or_version_byte_is_refused(int index, int replacement)
        {
            byte[] buffer = Encoded(17.7);
            Assert.IsTrue(new FaultLatchRecord().TryDecode(buffer, FaultLatchRecord.Length), "the unchanged record");
            buffer[index] = (byte)replacement;
            Reseal(buffer);
            Assert.IsFalse(new FaultLatchRecord().TryDecode(buffer, FaultLatchRecord.Length), "header byte " + index.ToString());
        }

        [DataRow(3000000, 2000000)]
        [DataRow(-3000000, -2000000)]
        [TestMethod]
        public static void A_value_beyond_2_million_is_stored_clamped_to_2_million_with_its_sign(int value, int expected)
        {
            var read = new FaultLatchRecord();
            Assert.IsTrue(read.TryDecode(Encoded(value), FaultLatchRecord.Length));
            Assert.AreEqual((double)expected, read.Value);
        }
    }
}
