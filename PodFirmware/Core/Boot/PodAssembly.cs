using System;
using PodFirmware.Core.Config;
using PodFirmware.Core.Control;
using PodFirmware.Core.Events;
using PodFirmware.Drivers.Gnss;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Core.Boot
{
    /// <summary>
    /// The board's sizing and optional parts, decided from the pod config: the event ring the tick writes
    /// into, and whether a GNSS receiver is the position source.
    /// </summary>
    /// <remarks>Boot only (allocates); stateless.</remarks>
    public static class PodAssembly
    {
        /// <summary>Events the tick can hold for the messaging thread.</summary>
        public const int EventCapacity = 64;

        /// <summary>Slots of <see cref="EventCapacity"/> kept for the events the pod must deliver (alarms, session records, command results).</summary>
        public const int EventsReservedForProtected = 16;

        /// <summary>
        /// The position source for <paramref name="config"/>: a fresh <see cref="NmeaGnssReceiver"/> when
        /// <c>position.gnssEnabled</c>, else null. The receiver stays the position source even when its UART
        /// cannot be opened: it then never has a fix, which the geofence treats like a dead receiver.
        /// </summary>
        /// <param name="config">The validated pod config.</param>
        /// <returns>The receiver, or null without GNSS.</returns>
        public static NmeaGnssReceiver CreateGnssReceiver(PodConfig config)
        {
            return config.Position.GnssEnabled ? new NmeaGnssReceiver(config.Position.FixMaxAgeMs) : null;
        }

        /// <summary>The control core over <paramref name="ports"/>, with an event ring of <see cref="EventCapacity"/>.</summary>
        /// <param name="config">The validated pod config.</param>
        /// <param name="clock">The monotonic clock the tick reads.</param>
        /// <param name="ports">Every port the tick needs (optional ones may be null).</param>
        /// <returns>The controller; its constructor has opened the relay.</returns>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public static PodController CreateController(PodConfig config, IClock clock, PodPorts ports)
        {
            if (config == null || clock == null || ports == null)
            {
                throw new ArgumentNullException("config, clock and ports are all required");
            }

            return new PodController(config, clock, ports, new EventRing(EventCapacity, EventsReservedForProtected));
        }
    }
}
