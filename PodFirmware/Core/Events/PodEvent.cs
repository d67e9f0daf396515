using PodFirmware.Core.Faults;
using PodFirmware.Core.Session;

namespace PodFirmware.Core.Events
{
    /// <summary>
    /// One event, as plain fields so that an <see cref="EventRing"/> can hold preallocated instances and
    /// fill them in place. The pod id is not carried: it is fixed per pod, so the writer adds it from config.
    /// </summary>
    /// <remarks>Not thread-safe; the ring copies events in and out so no instance is shared between threads.</remarks>
    public sealed class PodEvent
    {
        /// <summary>What happened.</summary>
        public EventKind Kind;

        /// <summary>When it happened, in monotonic milliseconds since boot (<c>IClock.MonotonicMs</c>); the writer converts to UTC.</summary>
        public long TimeMs;

        /// <summary>The fault concerned (alarm, fire_risk, all_clear, fault_cleared, warning); <see cref="FaultCode.None"/> otherwise.</summary>
        public FaultCode Code;

        /// <summary>The measured value that decided the event, in <see cref="Unit"/>; 0 when <see cref="Unit"/> is <see cref="ValueUnit.None"/>.</summary>
        public double Value;

        /// <summary>The limit <see cref="Value"/> was judged against, in <see cref="Unit"/>; 0 when <see cref="Unit"/> is <see cref="ValueUnit.None"/>.</summary>
        public double Limit;

        /// <summary>Unit of <see cref="Value"/> and <see cref="Limit"/>.</summary>
        public ValueUnit Unit;

        /// <summary>
        /// Parking-space number the pod stood at when the event happened; 0 when not docked. A producer that leaves it 0
        /// gets the ring's <see cref="EventRing.SpaceNumber"/> (the tick's current space) when written. Alarms always carry
        /// the configured space, so an alarm names its space even if the pod is moving.
        /// </summary>
        public int SpaceNumber;

        /// <summary>
        /// Kind-specific detail. Alarm for a sensor fault: the channel's <c>SensorStatus</c> value (0 Ok means the value
        /// was NaN or infinite; also 0 on a restored alarm, as the status is not persisted). Relay: 1 closed, 0 open.
        /// Other kinds: 0 unless their producer documents it.
        /// </summary>
        public int Arg;

        /// <summary>Alarm only: <c>true</c> when the alarm repeats a latch restored at boot rather than reporting a new trip.</summary>
        public bool Restored;

        /// <summary>
        /// Kind-specific text, always a reference to an existing string (never built per event): the command id
        /// of a command result, the lock name of a lock event, the reason of a moving event; null otherwise.
        /// </summary>
        public string Text;

        /// <summary>Session and SessionStarted only: the session record. Preallocated; copied field by field.</summary>
        public readonly SessionRecord Record = new SessionRecord();

        /// <summary>Copies every field of <paramref name="source"/> into this instance. Allocates nothing.</summary>
        public void CopyFrom(PodEvent source)
        {
            Kind = source.Kind;
            TimeMs = source.TimeMs;
            Code = source.Code;
            Value = source.Value;
            Limit = source.Limit;
            Unit = source.Unit;
            SpaceNumber = source.SpaceNumber;
            Arg = source.Arg;
            Restored = source.Restored;
            Text = source.Text;
            Record.CopyFrom(source.Record);
        }

        /// <summary>Resets every field to its empty value (<see cref="EventKind.None"/>, zeros).</summary>
        public void Clear()
        {
            Kind = EventKind.None;
            TimeMs = 0;
            Code = FaultCode.None;
            Value = 0;
            Limit = 0;
            Unit = ValueUnit.None;
            SpaceNumber = 0;
            Arg = 0;
            Restored = false;
            Text = null;
            Record.Clear();
        }
    }
}
