#ifndef MEDSYNTH_VIPS_SHIM_H
#define MEDSYNTH_VIPS_SHIM_H

#include <stddef.h>
#include <stdint.h>
#include <vips/vips.h>

/* Non-variadic wrappers over the libvips calls Swift cannot make directly.
   Every function returns 0 (or a non-NULL image) on success; on failure the
   reason is in vips_error_buffer(). Returned images are owned by the caller. */

int medsynth_vips_init(const char *argv0);

/* A 1-band image copied from memory, tagged GREY16 so savers keep all 16 bits. */
VipsImage *medsynth_image_from_u16(const uint16_t *pixels, int width, int height);
/* A 1-band 8-bit image copied from memory, tagged B_W. */
VipsImage *medsynth_image_from_u8(const uint8_t *pixels, int width, int height);

/* Decodes a 1-band 16-bit PNG into a g_malloc'd buffer of width × height samples. */
int medsynth_load_png16(const char *path, uint16_t **pixels, int *width, int *height);

/* Shrink so the long side is `long_side` pixels (never enlarges). */
VipsImage *medsynth_fit(VipsImage *image, int long_side);

/* Encoders into a g_malloc'd buffer the caller frees with g_free. Metadata is
   stripped so the bytes depend on the pixels only. */
int medsynth_png_buffer(VipsImage *image, int bitdepth, void **buffer, size_t *length);
int medsynth_jpeg_buffer(VipsImage *image, int quality, void **buffer, size_t *length);

/* Tiled pyramidal TIFF (256 px tiles, deflate) into a g_malloc'd buffer. */
int medsynth_tiff_pyramid_buffer(VipsImage *image, void **buffer, size_t *length);

/* Deep-zoom tiles in the google layout ({z}/{y}/{x}.jpg, 256 px, black padding) into the
   folder `path`, which must not exist yet. Expects an 8-bit image. */
int medsynth_dzsave_google(VipsImage *image, const char *path, int quality);

#endif
