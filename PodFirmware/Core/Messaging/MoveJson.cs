using PodFirmware.Core.Events;
using PodFirmware.Json;

namespace PodFirmware.Core.Messaging
{
    /// <summary>
    /// Writes the move record of <c>pods/{podId}/move</c> (docs/mqtt.md), the audit of one move of the pod: who unlocked it,
    /// when it started and ended, why it relocked and how far it went.
    /// </summary>
    /// <remarks>Allocates nothing; not thread-safe (one writer per caller).</remarks>
    public static class MoveJson
    {
        /// <summary>
        /// Writes <c>{"id":"{podId}-{seq}","seq","pod","site","space","account","startT","stopT","t","uptimeMs","durationS","reason","distanceM"}</c>
        /// from a <see cref="EventKind.MoveRecord"/> event into <paramref name="w"/> (after Reset by the caller).
        /// </summary>
        /// <param name="w">Writer.</param>
        /// <param name="e">The move record event.</param>
        /// <param name="podId">This pod's id.</param>
        /// <param name="idPrefix"><paramref name="podId"/> followed by "-".</param>
        /// <param name="siteId">This pod's site id.</param>
        /// <param name="space">The configured parking space (the one the pod left).</param>
        /// <param name="seq">The record's sequence number (assigned by the sender).</param>
        /// <param name="startUtcMs">UTC of the unlock, ms since 1970; 0 or less when unknown (null).</param>
        /// <param name="stopUtcMs">UTC of the relock, ms since 1970; 0 or less when unknown (null).</param>
        public static void Write(JsonWriter w, PodEvent e, string podId, string idPrefix, string siteId, int space, long seq, long startUtcMs, long stopUtcMs)
        {
            w.BeginObject();
            w.StringWithNumber("id", idPrefix, seq);
            w.Int("seq", seq);
            w.String("pod", podId);
            w.String("site", siteId);
            w.Int("space", space);
            w.String("account", e.Record.Account);
            Utc(w, "startT", startUtcMs);
            Utc(w, "stopT", stopUtcMs);
            if (stopUtcMs > 0)
            {
                w.Int("t", stopUtcMs / 1000);
            }
            else
            {
                w.Null("t");
            }

            w.Int("uptimeMs", e.Record.StopMs);
            w.Int("durationS", (e.Record.StopMs - e.Record.StartMs) / 1000);
            w.String("reason", e.Text);
            w.Decimal("distanceM", e.Value, 1);
            w.EndObject();
        }

        private static void Utc(JsonWriter w, string name, long utcMs)
        {
            if (utcMs > 0)
            {
                w.UtcIso(name, utcMs);
            }
            else
            {
                w.Null(name);
            }
        }
    }
}
