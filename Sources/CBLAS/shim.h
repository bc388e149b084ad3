#include <cblas.h>

// LAPACK's symmetric eigensolver (Fortran symbols shipped inside libopenblas): used for PCA/whitening.
void ssyev_(const char *jobz, const char *uplo, const int *n, float *a, const int *lda, float *w,
            float *work, const int *lwork, int *info);
void dsyev_(const char *jobz, const char *uplo, const int *n, double *a, const int *lda, double *w,
            double *work, const int *lwork, int *info);
