using System;

namespace PodFirmware.Core.Pilot
{
    /// <summary>
    /// Confirms CP readings before the pod acts on them. A reading that could close the relay or raise the offer (C or D
    /// from anything below; B from A, E, F, invalid or a missing diode) is confirmed only after <see cref="Readings"/>
    /// consecutive equal readings; any other change (to A, E, invalid, a missing diode, B from C or D, C and D between
    /// themselves) is confirmed at the first reading, because it can only open the relay.
    /// </summary>
    /// <remarks>Allocates nothing. Not thread-safe: owned by the control tick.</remarks>
    public sealed class PilotDebouncer
    {
        private CpState _confirmed = CpState.A;
        private CpState _candidate = CpState.A;
        private int _count;

        /// <summary>Creates the debouncer.</summary>
        /// <param name="readings">Consecutive readings that confirm a change towards power, 1 to 10.</param>
        /// <exception cref="ArgumentOutOfRangeException">When <paramref name="readings"/> is outside 1..10.</exception>
        public PilotDebouncer(int readings)
        {
            if (readings < 1 || readings > 10)
            {
                throw new ArgumentOutOfRangeException("readings");
            }

            Readings = readings;
        }

        /// <summary>Consecutive readings that confirm a change towards power.</summary>
        public int Readings { get; private set; }

        /// <summary>The confirmed state; A after construction and <see cref="Reset"/>.</summary>
        public CpState Confirmed
        {
            get { return _confirmed; }
        }

        /// <summary>Takes one reading; returns the confirmed state.</summary>
        public CpState Update(CpState reading)
        {
            if (Rank(reading) <= Rank(_confirmed))
            {
                _confirmed = reading;
                _count = 0;
                return _confirmed;
            }

            _count = reading == _candidate ? _count + 1 : 1;
            _candidate = reading;
            if (_count >= Readings)
            {
                _confirmed = reading;
                _count = 0;
            }

            return _confirmed;
        }

        /// <summary>Forgets every reading: confirmed A, nothing counted.</summary>
        public void Reset()
        {
            _confirmed = CpState.A;
            _candidate = CpState.A;
            _count = 0;
        }

        // How close to power a state is: C and D ask for it, B may be offered it, everything else neither.
        private static int Rank(CpState state)
        {
            if (state == CpState.C || state == CpState.D)
            {
                return 2;
            }

            return state == CpState.B ? 1 : 0;
        }
    }
}
