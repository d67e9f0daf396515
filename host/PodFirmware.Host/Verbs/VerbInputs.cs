using System;
using System.CommandLine;
using System.IO;

namespace PodFirmware.Host.Verbs
{
    /// <summary>A file or directory given on the command line that cannot be used; the message names it and why.</summary>
    public sealed class VerbInputException : Exception
    {
        /// <summary>Creates the error.</summary>
        public VerbInputException(string message) : base(message)
        {
        }
    }

    /// <summary>Checks the verbs share for their numbers, files and directories, so a typo is an error line, not a stack trace.</summary>
    public static class VerbInputs
    {
        /// <summary>Makes the parser refuse a value of <paramref name="option"/> outside <paramref name="min"/>..<paramref name="max"/>.</summary>
        public static void Range(Option<int> option, int min, int max, string meaning)
        {
            option.Validators.Add(result =>
            {
                int value = result.GetValueOrDefault<int>();
                if (value < min || value > max)
                {
                    result.AddError(option.Name + " must be " + min + " to " + max + " (" + meaning + "), not " + value);
                }
            });
        }

        /// <summary>Makes the parser refuse a value of <paramref name="option"/> outside <paramref name="min"/>..<paramref name="max"/>.</summary>
        public static void Range(Option<long> option, long min, long max, string meaning)
        {
            option.Validators.Add(result =>
            {
                long value = result.GetValueOrDefault<long>();
                if (value < min || value > max)
                {
                    result.AddError(option.Name + " must be " + min + " to " + max + " (" + meaning + "), not " + value);
                }
            });
        }

        /// <summary>The text of <paramref name="file"/>; throws <see cref="VerbInputException"/> for a directory, a missing or an unreadable file.</summary>
        public static string ReadText(FileInfo file, string what)
        {
            string path = file.FullName;
            if (Directory.Exists(path))
            {
                throw new VerbInputException(what + " " + path + " is a directory, not a file");
            }

            if (!File.Exists(path))
            {
                throw new VerbInputException(what + " " + path + " not found");
            }

            try
            {
                return File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new VerbInputException(what + " " + path + ": cannot read: " + e.Message);
            }
        }

        /// <summary>Throws <see cref="VerbInputException"/> when <paramref name="directory"/> names an existing file.</summary>
        public static void RequireDirectory(DirectoryInfo directory, string what)
        {
            if (directory != null && File.Exists(directory.FullName))
            {
                throw new VerbInputException(what + " " + directory.FullName + " is a file, not a directory");
            }
        }
    }
}
