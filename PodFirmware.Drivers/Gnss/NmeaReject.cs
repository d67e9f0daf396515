namespace PodFirmware.Drivers.Gnss
{
    /// <summary>Why <see cref="NmeaParser"/> dropped the last rejected sentence.</summary>
    public enum NmeaReject
    {
        /// <summary>Nothing rejected yet.</summary>
        None = 0,

        /// <summary>A new <c>$</c> arrived before the previous sentence's line end (lost bytes).</summary>
        Truncated = 1,

        /// <summary>More than 79 characters between <c>$</c> and the line end (NMEA 0183 allows 82 with <c>$</c> and CR LF).</summary>
        TooLong = 2,

        /// <summary>A byte outside printable ASCII (0x20 to 0x7E) inside a sentence: line noise or a wrong baud rate.</summary>
        BadCharacter = 3,

        /// <summary>No <c>*hh</c> checksum at the end; GGA and RMC are only trusted with one.</summary>
        MissingChecksum = 4,

        /// <summary>The <c>*hh</c> checksum does not match the XOR of the characters between <c>$</c> and <c>*</c>.</summary>
        BadChecksum = 5,

        /// <summary>Checksum correct, but a GGA or RMC field is missing or out of range.</summary>
        Malformed = 6,
    }
}
