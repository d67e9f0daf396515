using PodFirmware.Drivers.Ports;

namespace PodFirmware.Tests.Drivers.Adapters
{
    /// <summary>A GPIO line in memory: remembers every level written, reads back <see cref="Level"/>.</summary>
    public sealed class FakePinLine : IPinLine
    {
        /// <summary>The level <see cref="ReadLevel"/> returns, and the last one written; <c>true</c> = high.</summary>
        public bool Level;

        /// <summary>Number of <see cref="WriteLevel"/> calls.</summary>
        public int Writes;

        public void WriteLevel(bool high)
        {
            Level = high;
            Writes++;
        }

        public bool ReadLevel()
        {
            return Level;
        }
    }
}
