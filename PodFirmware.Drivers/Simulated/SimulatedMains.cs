using System;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Simulated
{
    /// <summary>
    /// The twin of the interleaved mains sampler: pairs the voltage twin with the current twin, both sampled at the same
    /// simulated instant (pair k at <c>k * pairPeriodUs</c>), so a current twin with a <see cref="SimulatedAcChannel.PhaseLagDeg"/>
    /// gives the raw counts of a load at that power factor.
    /// </summary>
    /// <remarks>
    /// Both twins must run at the same mains frequency and be sampled only through this pairing (or equally often), so
    /// their cycles stay aligned; each starts at phase 0. Not thread-safe. Reads allocate nothing.
    /// </remarks>
    public sealed class SimulatedMains : IMainsSampler
    {
        private readonly SimulatedAcChannel _voltage;
        private readonly SimulatedAcChannel _current;

        /// <summary>Pairs the two twins.</summary>
        /// <exception cref="ArgumentNullException">A twin is null.</exception>
        public SimulatedMains(SimulatedAcChannel voltage, SimulatedAcChannel current)
        {
            if (voltage == null)
            {
                throw new ArgumentNullException("voltage");
            }

            if (current == null)
            {
                throw new ArgumentNullException("current");
            }

            _voltage = voltage;
            _current = current;
        }

        /// <summary>Full scale of the voltage twin in counts.</summary>
        public int VoltageMaxRawCounts
        {
            get { return _voltage.MaxRawCounts; }
        }

        /// <summary>Full scale of the current twin in counts.</summary>
        public int CurrentMaxRawCounts
        {
            get { return _current.MaxRawCounts; }
        }

        /// <summary>Fills both buffers, pair k at the same simulated instant. Allocates nothing.</summary>
        public void ReadInterleaved(int[] voltage, int[] current, int pairs, int pairPeriodUs)
        {
            for (int k = 0; k < pairs; k++)
            {
                voltage[k] = _voltage.Next(pairPeriodUs);
                current[k] = _current.Next(pairPeriodUs);
            }
        }
    }
}
