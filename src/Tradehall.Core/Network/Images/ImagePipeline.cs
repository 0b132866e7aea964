using System.Diagnostics;

namespace Tradehall.Core.Network.Images;

/// <summary>
/// NET-02, SEC-07: the one way photos and logos enter the file store. The upload is checked by its first
/// bytes, then decoded, resized and written afresh as JPEG by libvips in a child process with a time limit;
/// the new file carries no metadata (so no GPS position), and what does not decode is refused.
/// </summary>
[ModuleApi]
public sealed partial class ImagePipeline(IFileStore files, ImageDecoders decoders, IOptions<NetworkOptions> options, ILogger<ImagePipeline> logger)
{
    public const string ContentType = "image/jpeg";

    /// <summary>Stores the re-encoded image under <paramref name="area"/> and answers its key; refusals name <paramref name="field"/>.</summary>
    public async Task<string> StoreAsync(string area, Stream upload, long length, string field, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (length <= 0)
        {
            throw DomainException.Field("network.image_missing", field, "Choose an image file.");
        }
        if (length > limits.ImageMaxBytes)
        {
            throw DomainException.Field("network.image_too_large", field, "The image is larger than the limit.");
        }
        var folder = System.IO.Directory.CreateTempSubdirectory("tradehall-image-");
        try
        {
            var input = Path.Combine(folder.FullName, "upload");
            await using (var file = File.Create(input))
            {
                await upload.CopyToAsync(file, cancellationToken);
            }
            if (new FileInfo(input).Length > limits.ImageMaxBytes)
            {
                throw DomainException.Field("network.image_too_large", field, "The image is larger than the limit.");
            }
            if (!await IsAllowedFormatAsync(input, cancellationToken))
            {
                throw NotAnImage(field);
            }
            // A few kilobytes can declare gigapixels; the declared size is checked before any decoder runs.
            var size = ImageHeader.Size(await File.ReadAllBytesAsync(input, cancellationToken)) ?? throw NotAnImage(field);
            if (size.Width <= 0 || size.Height <= 0)
            {
                throw NotAnImage(field);
            }
            if (size.Width * size.Height > limits.ImageMaxPixels)
            {
                LogTooManyPixels(logger, size.Width, size.Height);
                throw DomainException.Field("network.image_too_many_pixels", field, "The image has more pixels than allowed. Send a smaller picture.");
            }
            using var decoder = await decoders.EnterAsync(cancellationToken);
            var output = Path.Combine(folder.FullName, "image.jpg");
            if (!await ReencodeAsync(input, output, limits.ImageSize, crop: false, field, limits, cancellationToken) || !File.Exists(output))
            {
                throw NotAnImage(field);
            }
            await using var result = File.OpenRead(output);
            return await files.SaveAsync(area, result, cancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// A square copy of a stored image, <see cref="NetworkOptions.ThumbnailSize"/> pixels a side and cropped to its most
    /// interesting part, stored under <paramref name="area"/>; null when the source is gone or the copy cannot be made now
    /// (no tool, every decoder busy, too slow), so the caller serves the full image instead. The source was re-encoded on
    /// upload, so it is decoded here without the upload's checks.
    /// </summary>
    public async Task<string?> ThumbnailAsync(string key, string area, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var folder = System.IO.Directory.CreateTempSubdirectory("tradehall-thumbnail-");
        try
        {
            var input = Path.Combine(folder.FullName, "image.jpg");
            await using (var source = files.Open(key))
            {
                if (source is null)
                {
                    return null;
                }
                await using var file = File.Create(input);
                await source.CopyToAsync(file, cancellationToken);
            }
            var output = Path.Combine(folder.FullName, "thumbnail.jpg");
            try
            {
                using var decoder = await decoders.EnterAsync(cancellationToken);
                if (!await ReencodeAsync(input, output, limits.ThumbnailSize, crop: true, "photo", limits, cancellationToken) || !File.Exists(output))
                {
                    return null;
                }
            }
            catch (DomainException)
            {
                return null;
            }
            await using var result = File.OpenRead(output);
            return await files.SaveAsync(area, result, cancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static DomainException NotAnImage(string field) =>
        DomainException.Field("network.image_invalid", field, "The file is not a JPEG, PNG or WebP image.");

    /// <summary>JPEG, PNG or WebP by signature: libvips reads many more formats, and those stay refused.</summary>
    private static async Task<bool> IsAllowedFormatAsync(string path, CancellationToken cancellationToken)
    {
        var head = new byte[12];
        await using var file = File.OpenRead(path);
        var read = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (read < head.Length)
        {
            return false;
        }
        var jpeg = head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF;
        var png = head.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        var webp = head.AsSpan(0, 4).SequenceEqual("RIFF"u8) && head.AsSpan(8, 4).SequenceEqual("WEBP"u8);
        return jpeg || png || webp;
    }

    /// <param name="crop">Fill a square of <paramref name="size"/> (cropping what does not fit) rather than fit within it.</param>
    private async Task<bool> ReencodeAsync(string input, string output, int size, bool crop, string field, NetworkOptions limits,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(limits.VipsThumbnail)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(input);
        start.ArgumentList.Add("--size");
        start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"{size}x{size}"));
        if (crop)
        {
            start.ArgumentList.Add("--smartcrop");
            start.ArgumentList.Add("attention");
        }
        // [strip]: the fresh file gets no EXIF, XMP or ICC block; the image is rotated upright first.
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add(output + "[Q=85,strip]");
        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            started = null;
        }
        if (started is null)
        {
            ImageTool.LogMissing(logger, limits.VipsThumbnail);
            throw new DomainException("network.images_unavailable", "Photos cannot be processed on this server at the moment. Try again later.",
                StatusCodes.Status503ServiceUnavailable);
        }
        using var process = started;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.ImageTimeout);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        _ = process.StandardOutput.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            LogTimedOut(logger, limits.ImageTimeout);
            throw DomainException.Field("network.image_timeout", field, "The image took too long to process. Try a smaller one.");
        }
        if (process.ExitCode != 0)
        {
            var errorText = await errors;
            LogRefused(logger, process.ExitCode, errorText.Length);
            return false;
        }
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "An image declaring {Width} × {Height} pixels was refused before decoding")]
    private static partial void LogTooManyPixels(ILogger logger, long width, long height);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An image took longer than {Timeout} to decode and was refused")]
    private static partial void LogTimedOut(ILogger logger, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Information, Message = "An upload did not decode as an image (exit code {ExitCode}, {ErrorLength} characters of errors)")]
    private static partial void LogRefused(ILogger logger, int exitCode, int errorLength);
}
