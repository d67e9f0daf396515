namespace PodFirmware.Core.Safety
{
    /// <summary>CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320, as zlib computes it), bit by bit: no table, no allocation.</summary>
    /// <remarks>Safe to call from any thread.</remarks>
    public static class Crc32
    {
        /// <summary>The CRC-32 of <paramref name="count"/> bytes of <paramref name="data"/> starting at <paramref name="offset"/>.</summary>
        public static uint Compute(byte[] data, int offset, int count)
        {
            uint crc = 0xFFFFFFFF;
            for (int i = offset; i < offset + count; i++)
            {
                crc ^= data[i];
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
                }
            }

            return ~crc;
        }
    }
}
