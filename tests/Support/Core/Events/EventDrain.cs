using System.Collections;
using PodFirmware.Core.Events;

namespace PodFirmware.Tests.Core.Events
{
    /// <summary>Test helper: empties a ring into new PodEvent objects, in order.</summary>
    public static class EventDrain
    {
        public static PodEvent[] All(EventRing ring)
        {
            var taken = new ArrayList();
            var next = new PodEvent();
            while (ring.TryTake(next))
            {
                taken.Add(next);
                next = new PodEvent();
            }

            var events = new PodEvent[taken.Count];
            for (int i = 0; i < events.Length; i++)
            {
                events[i] = (PodEvent)taken[i];
            }

            return events;
        }

        public static int CountOf(PodEvent[] events, EventKind kind)
        {
            int count = 0;
            for (int i = 0; i < events.Length; i++)
            {
                count += events[i].Kind == kind ? 1 : 0;
            }

            return count;
        }

        public static PodEvent FirstOf(PodEvent[] events, EventKind kind)
        {
            for (int i = 0; i < events.Length; i++)
            {
                if (events[i].Kind == kind)
                {
                    return events[i];
                }
            }

            return null;
        }
    }
}
