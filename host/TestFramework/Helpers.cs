using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Writes test output to the console the launcher reads.</summary>
    public static class OutputHelper
    {
        /// <summary>Writes <paramref name="message"/> without a line end.</summary>
        public static void Write(string message)
        {
            Console.Write(message);
        }

        /// <summary>Writes <paramref name="message"/> and a line end.</summary>
        public static void WriteLine(string message)
        {
            Console.WriteLine(message);
        }
    }

    /// <summary>Launcher helpers, with the board package's semantics.</summary>
    public static class Helper
    {
        /// <summary>
        /// Drops the <see cref="TestMethodAttribute"/> from a method's attributes when it also has
        /// <see cref="DataRowAttribute"/>s, so the method runs once per row and not once more bare.
        /// </summary>
        public static object[] RemoveTestMethodIfDataRowExists(object[] attribs)
        {
            bool hasDataRow = false;
            foreach (object a in attribs)
            {
                if (a is DataRowAttribute)
                {
                    hasDataRow = true;
                }
            }

            if (!hasDataRow)
            {
                return attribs;
            }

            int kept = 0;
            foreach (object a in attribs)
            {
                if (!(a is TestMethodAttribute))
                {
                    kept++;
                }
            }

            object[] result = new object[kept];
            int i = 0;
            foreach (object a in attribs)
            {
                if (!(a is TestMethodAttribute))
                {
                    result[i++] = a;
                }
            }

            return result;
        }
    }

    /// <summary>Comparison helpers.</summary>
    public static class TestExtensions
    {
        /// <summary><c>true</c> when both arrays have the same length and equal elements in order.</summary>
        public static bool SequenceEqual(this Array array1, Array array2)
        {
            if (ReferenceEquals(array1, array2))
            {
                return true;
            }

            if (array1 == null || array2 == null || array1.Length != array2.Length)
            {
                return false;
            }

            for (int i = 0; i < array1.Length; i++)
            {
                if (!Equals(array1.GetValue(i), array2.GetValue(i)))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
