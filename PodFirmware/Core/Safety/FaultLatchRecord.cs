using System;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Core.Safety
{
    /// <summary>
    /// The persisted form of a latched fault: 24 bytes, little-endian, checksummed.
    /// <code>
    /// 0  'F' 'L'         magic
    /// 2  1               format version
    /// 3  unit            ValueUnit of value and limit
    /// 4  code            int32, FaultCode
    /// 8  valueMilli      int32, measured value x 1000 (int.MinValue = none)
    /// 12 limitMilli      int32, limit x 1000 (int.MinValue = none)
    /// 16 tripTempMilli   int32, connector temperature at the trip in mdegC (int.MinValue = unknown)
    /// 20 crc32           uint32, CRC-32 of bytes 0 to 19
    /// </code>
    /// Values are rounded to 0.001 of their unit.
    /// </summary>
    /// <remarks>The supervisor keeps its latch in one instance, so what is persisted is what is latched. Encoding and
    /// decoding use the caller's buffer and allocate nothing. Not thread-safe.</remarks>
    public sealed class FaultLatchRecord
    {
        /// <summary>Encoded length in bytes.</summary>
        public const int Length = 24;

        private const byte Version = 1;
        private const int NoValue = int.MinValue;

        /// <summary>The latched fault; a trip-severity code.</summary>
        public FaultCode Code;

        /// <summary>Measured value that decided the trip, in <see cref="Unit"/>.</summary>
        public double Value;

        /// <summary>Limit that value was judged against, in <see cref="Unit"/>.</summary>
        public double Limit;

        /// <summary>Unit of <see cref="Value"/> and <see cref="Limit"/>.</summary>
        public ValueUnit Unit;

        /// <summary>Connector temperature at the trip in degrees Celsius; NaN when unknown.</summary>
        public double TripTemperatureC = double.NaN;

        /// <summary>Empties the record: <see cref="FaultCode.None"/>, zero value and limit, no unit, unknown trip temperature.</summary>
        public void Clear()
        {
            Code = FaultCode.None;
            Value = 0;
            Limit = 0;
            Unit = ValueUnit.None;
            TripTemperatureC = double.NaN;
        }

        /// <summary>Writes the record into the first <see cref="Length"/> bytes of <paramref name="buffer"/>; returns <see cref="Length"/>.</summary>
        public int Encode(byte[] buffer)
        {
            buffer[0] = (byte)'F';
            buffer[1] = (byte)'L';
            buffer[2] = Version;
            buffer[3] = (byte)Unit;
            WriteInt32(buffer, 4, (int)Code);
            WriteInt32(buffer, 8, ToMilli(Value));
            WriteInt32(buffer, 12, ToMilli(Limit));
            WriteInt32(buffer, 16, ToMilli(TripTemperatureC));
            WriteInt32(buffer, 20, (int)Crc32.Compute(buffer, 0, 20));
            return Length;
        }

        /// <summary>
        /// Reads a record from the first <paramref name="length"/> bytes of <paramref name="buffer"/>. Returns <c>false</c>,
        /// leaving the fields unspecified, unless the length, magic, version and checksum match and the code is a known
        /// trip-severity fault.
        /// </summary>
        public bool TryDecode(byte[] buffer, int length)
        {
            if (length != Length || buffer[0] != (byte)'F' || buffer[1] != (byte)'L' || buffer[2] != Version)
            {
                return false;
            }

            if ((uint)ReadInt32(buffer, 20) != Crc32.Compute(buffer, 0, 20))
            {
                return false;
            }

            Code = (FaultCode)ReadInt32(buffer, 4);
            Unit = (ValueUnit)buffer[3];
            Value = FromMilli(ReadInt32(buffer, 8));
            Limit = FromMilli(ReadInt32(buffer, 12));
            TripTemperatureC = FromMilli(ReadInt32(buffer, 16));
            return FaultCatalogue.IsTrip(Code) && Unit >= ValueUnit.None && Unit <= ValueUnit.Volt;
        }

        private static int ToMilli(double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                return NoValue;
            }

            double milli = value * 1000;
            if (Finite.Above(milli, 2000000000.0))
            {
                milli = 2000000000.0;
            }
            else if (Finite.Below(milli, -2000000000.0))
            {
                milli = -2000000000.0;
            }

            return (int)Math.Round(milli);
        }

        private static double FromMilli(int milli)
        {
            return milli == NoValue ? double.NaN : milli / 1000.0;
        }

        private static void WriteInt32(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        private static int ReadInt32(byte[] buffer, int offset)
        {
            return buffer[offset] | (buffer[offset + 1] << 8) | (buffer[offset + 2] << 16) | (buffer[offset + 3] << 24);
        }
    }
}
