#include <lcms2.h>

// The pixel formats are function-like macros, which Swift cannot import: name them here.
static const cmsUInt32Number NARA_TYPE_RGB_8 = TYPE_RGB_8;
static const cmsUInt32Number NARA_TYPE_RGB_DBL = TYPE_RGB_DBL;
static const cmsUInt32Number NARA_TYPE_CMYK_8 = TYPE_CMYK_8;
static const cmsUInt32Number NARA_TYPE_CMYK_DBL = TYPE_CMYK_DBL;
static const cmsUInt32Number NARA_TYPE_Lab_DBL = TYPE_Lab_DBL;
