namespace PodFirmware.Core.Commands
{
    /// <summary>
    /// The outcome of applying a verified command in the control tick. Signature, format and replay
    /// failures are reported earlier with <see cref="CommandAuthResult"/>; these are the rejections
    /// of the pod's own rules. Values are stable; wire names and human-readable reasons come from
    /// <see cref="CommandResultNames"/>.
    /// </summary>
    public enum CommandResultCode
    {
        /// <summary>Applied.</summary>
        Ok = 0,

        /// <summary>Start or unlock while the pod is not docked to a lamp post.</summary>
        NotDocked = 1,

        /// <summary>Start with no plug detected.</summary>
        NotPlugged = 2,

        /// <summary>Start or unlock while a fault is latched.</summary>
        FaultLatched = 3,

        /// <summary>Start or reserve by an account other than the reservation holder (detail: the time left in s), or a stop of a session started on a reservation naming another account (detail 0).</summary>
        ReservedForOther = 4,

        /// <summary>Start, reserve or unlock while a session is running.</summary>
        SessionActive = 5,

        /// <summary>Stop with no session running.</summary>
        NoSession = 6,

        /// <summary>Cancel with no reservation held.</summary>
        NoReservation = 7,

        /// <summary>Unlock naming an account without move permission.</summary>
        NoMovePermission = 8,

        /// <summary>A current limit outside 0 A to the pod's rated current.</summary>
        LimitOutOfRange = 9,

        /// <summary>The self-test before the session failed; the fault names which check.</summary>
        SelfTestFailed = 10,

        /// <summary>Unlock or lock while a lock reports a fault.</summary>
        LockFault = 11,

        /// <summary>Reset with nothing latched.</summary>
        NothingLatched = 12,

        /// <summary>Reset refused: the condition that tripped is still present.</summary>
        ConditionPresent = 13,

        /// <summary>Reset refused: the connector is still above its reset temperature.</summary>
        TemperatureTooHigh = 14,

        /// <summary>Reset refused: a safety sensor still reads a fault.</summary>
        SensorFaultPresent = 15,

        /// <summary>Reset refused: the persisted latch could not be deleted; the pod stays latched.</summary>
        StoreFailed = 16,

        /// <summary>The command queue to the control tick was full; nothing was applied; send again.</summary>
        Busy = 17,

        /// <summary>The command type is known but this pod does not support it (e.g. no position source).</summary>
        NotSupported = 18,

        /// <summary>Start while the pod is moving (locks open).</summary>
        Moving = 19,

        /// <summary>Start with a plug sensed whose cable coding resistor (PP) reads open or out of every band.</summary>
        CableNotRecognised = 20,

        /// <summary>Start refused for site load: the site is above <c>site.noNewSessionsAbovePercent</c> or this pod's share is below 6 A.</summary>
        SiteFull = 21,

        /// <summary>A card read the back end refused (the result of its <c>refuse_card</c>, under the read's id).</summary>
        CardRefused = 22,

        /// <summary>A card read not acted on: more than <c>card.rateMaxReads</c> reads within <c>card.rateWindowMs</c>.</summary>
        CardRateLimited = 23,

        /// <summary>A card read while the controller is lost, and the card is not on the enabled allow-list.</summary>
        CardUnknown = 24,
        /// <summary><c>rotate_key</c> refused: not signed with the current key, a key id the pod holds, or the public demo key.</summary>
        KeyRejected = 25,

        /// <summary><c>rotate_key</c> refused: the new key ring could not be written to flash; the keys are unchanged.</summary>
        KeyStoreFailed = 26,
    }
}
