using PodFirmware.Drivers.Ports;

namespace PodFirmware.Tests.Drivers.Sensors
{
    /// <summary>A channel that plays back a fixed pattern of counts, cyclically, and records how it was asked to sample.</summary>
    public sealed class ScriptedAnalogChannel : IAnalogChannel
    {
        private readonly int _maxRawCounts;
        private int[] _pattern;
        private int _next;

        public ScriptedAnalogChannel(int maxRawCounts, int[] pattern)
        {
            _maxRawCounts = maxRawCounts;
            _pattern = pattern;
        }

        public int MaxRawCounts
        {
            get { return _maxRawCounts; }
        }

        /// <summary>Replaces the pattern; playback restarts at its first element.</summary>
        public int[] Pattern
        {
            get { return _pattern; }
            set { _pattern = value; _next = 0; }
        }

        public int LastBurstCount { get; private set; }

        public int LastSamplePeriodUs { get; private set; }

        public int ReadRawCounts()
        {
            int value = _pattern[_next];
            _next = (_next + 1) % _pattern.Length;
            return value;
        }

        public void ReadBurst(int[] samples, int count, int samplePeriodUs)
        {
            LastBurstCount = count;
            LastSamplePeriodUs = samplePeriodUs;
            for (int i = 0; i < count; i++)
            {
                samples[i] = ReadRawCounts();
            }
        }
    }
}
